package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.ipop.app.support.Api;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web shell in a real (headless) Chromium: log in on the real Keycloak page as a demo operator, see the tenant's
 * name in Chinese, switch to English, log out; and a citizen registering on Keycloak's own registration page.
 */
class WebShellBrowserIT extends PlatformIT {

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("ipop-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // No network here but loopback: the background services would only fail and slow the browser down.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1280,800", "--user-data-dir=" + profile, "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void an_operator_logs_in_sees_the_tenant_in_chinese_switches_to_english_and_logs_out() {
        browser.get(Api.BASE + "/");
        wait.until(ExpectedConditions.attributeToBe(By.id("landing"), "data-role", "public"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-button"))).click();

        // With organizations enabled, Keycloak asks for the user first and for the password on a second page.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("hubei-operator");
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys(Tokens.DEMO_PASSWORD);
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.textToBe(By.id("tenant-name"), "湖北省知识产权运营中心"));
        assertEquals("operator", browser.findElement(By.id("landing")).getAttribute("data-role"));
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));

        screenshot("operator-zh");
        browser.findElement(By.id("lang-switch")).click();
        wait.until(ExpectedConditions.textToBe(By.id("tenant-name"), "Hubei Provincial IP Operation Centre"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        screenshot("operator-en");

        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout-button"))).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("landing"), "data-role", "public"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-button")));
        assertEquals(0, browser.findElements(By.id("tenant-name")).size(), "no tenant shown after logout");
    }

    @Test
    void a_citizen_registers_on_the_keycloak_page_and_lands_on_the_public_portal_without_a_tenant() {
        String username = "citizen-" + UUID.randomUUID().toString().substring(0, 8);
        browser.get(Api.BASE + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-button"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#kc-registration a"))).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("email")).sendKeys(username + "@example.cn");
        browser.findElement(By.id("firstName")).sendKeys("市民");
        browser.findElement(By.id("lastName")).sendKeys("张");
        browser.findElement(By.id("password")).sendKeys("Register-2026");
        browser.findElement(By.id("password-confirm")).sendKeys("Register-2026");
        browser.findElement(By.cssSelector("#kc-register-form [type=submit]")).click();

        wait.until(ExpectedConditions.attributeToBe(By.id("landing"), "data-role", "citizen"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-roles"), "公众用户"));
        assertEquals(0, browser.findElements(By.id("tenant-name")).size(), "a citizen belongs to no tenant");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("landing"), "湖北省知识产权运营中心"));
        screenshot("citizen-registered");
    }

    /** Pictures of what the user saw, in target/screenshots, for a person reviewing the run. */
    private void screenshot(String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.ipop.app.support.Api;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web shell in a real (headless) Chromium: log in on the real Keycloak page as a demo operator, see the tenant's
 * name in Chinese, switch to English, log out.
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

        browser.findElement(By.id("lang-switch")).click();
        wait.until(ExpectedConditions.textToBe(By.id("tenant-name"), "Hubei Provincial IP Operation Centre"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout-button"))).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("landing"), "data-role", "public"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-button")));
        assertEquals(0, browser.findElements(By.id("tenant-name")).size(), "no tenant shown after logout");
    }
}

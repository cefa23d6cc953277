package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;
import org.ipop.app.support.Api;
import org.ipop.app.support.HeadlessChromium;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web shell in a real (headless) Chromium: log in on the real Keycloak page as a demo operator, see the tenant's
 * name in Chinese, switch to English, log out; and a citizen registering on Keycloak's own registration page.
 */
class WebShellBrowserIT extends PlatformIT {

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
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

    private void screenshot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }
}

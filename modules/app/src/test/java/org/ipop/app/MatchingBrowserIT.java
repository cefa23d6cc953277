package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.ipop.app.support.Api;
import org.ipop.app.support.HeadlessChromium;
import org.ipop.app.support.Inventories;
import org.ipop.app.support.Memberships;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Matching in a real (headless) Chromium: an operator builds a small campaign, runs it and watches it finish, reads
 * the results with their explanations and pushes them; the enterprise then finds the patent in its inbox and says
 * it is not relevant, with a reason. An operator uploads an enterprise list and watches its import finish.
 */
class MatchingBrowserIT extends PlatformIT {

    @BeforeAll
    static void memberships() {
        Memberships.ensure("hubei-operator", "hubei-tto", "华中科技大学");
    }

    private WebDriver browser;
    private WebDriverWait wait;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void an_operator_runs_and_pushes_a_campaign_and_the_enterprise_answers_in_its_inbox() {
        // Data through the API: an admitted patent, and the enterprise registered in its branch.
        String tto = Tokens.of("hubei-tto");
        String operator = Tokens.of("hubei-operator");
        String enterprise = Tokens.of("hubei-enterprise");
        String patent = Inventories.newApplicationNumber();
        MatchingIT.importRows(tto, MatchingIT.row(patent, "一种氢燃料电池汽车用储氢瓶组框架", "有权-审定授权",
                "F17C1/00;C01B3/00"));
        MatchingIT.admit(patent, tto, operator);
        String branch = Api.get("/api/library/patents/" + patent, operator).json().getJsonArray("tags")
                .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("catalog").equals("SEI_2021"))
                .map(t -> t.getString("branchCode")).findFirst().orElseThrow();
        String code = EnterprisesIT.enterpriseOf("hubei-enterprise", enterprise);
        Api.sendJson("PUT", "/api/enterprises/me", enterprise, null, EnterprisesIT.profile(code, "湖北氢瓶框架有限公司")
                .replace("\"6.4\"", "\"" + branch + "\"").replace("氢燃料电池电堆、车载储氢瓶", "储氢瓶组框架"));

        // The operator's campaign, in the browser.
        String name = "浏览器测试活动 " + UUID.randomUUID().toString().substring(0, 8);
        start();
        logIn("hubei-operator", "operator");
        type(By.id("campaign-name"), name);
        WebElement k = browser.findElement(By.id("campaign-k"));
        k.clear();
        k.sendKeys("5");
        click(By.id("campaign-create"));
        By row = By.cssSelector("#campaigns tr[data-name='" + name + "']");
        wait.until(ExpectedConditions.attributeToBe(row, "data-status", "DRAFT"));
        click(By.cssSelector("#campaigns tr[data-name='" + name + "'] .campaign-run"));
        new WebDriverWait(browser, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(row, "data-status", "READY"));
        click(By.cssSelector("#campaigns tr[data-name='" + name + "'] .campaign-results"));
        WebElement match = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#campaign-results [data-enterprise='" + code + "'][data-patent='" + patent + "']")));
        String explained = match.getText();
        assertTrue(explained.contains(branch), "the match names its segment: " + explained);
        assertTrue(explained.contains("储氢瓶组框架"), "and the shared terms: " + explained);
        HeadlessChromium.screenshot(browser, "matching-results");
        click(By.cssSelector("#campaigns tr[data-name='" + name + "'] .campaign-push"));
        // The list of campaigns is re-rendered while it follows the push: look the row up again when it is.
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(row, "data-status", "PUSHED"));
        HeadlessChromium.screenshot(browser, "matching-pushed");
        browser.quit();

        // The enterprise's inbox.
        start();
        logIn("hubei-enterprise", "enterprise");
        By item = By.cssSelector("#inbox [data-patent='" + patent + "']");
        WebElement pushed = wait.until(ExpectedConditions.visibilityOfElementLocated(item));
        assertTrue(pushed.getText().contains("一种氢燃料电池汽车用储氢瓶组框架"), pushed.getText());
        HeadlessChromium.screenshot(browser, "matching-inbox");
        click(By.cssSelector("#inbox [data-patent='" + patent + "'] .inbox-not-relevant"));
        type(By.cssSelector("#inbox [data-patent='" + patent + "'] .inbox-reason"), "我们只做车载储氢瓶，不做框架");
        click(By.cssSelector("#inbox [data-patent='" + patent + "'] button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(item, "data-response", "NOT_RELEVANT"));
        HeadlessChromium.screenshot(browser, "matching-inbox-answered");
    }

    @Test
    void an_operator_schedules_a_campaign_and_cancels_the_schedule() {
        String name = "浏览器计划活动 " + UUID.randomUUID().toString().substring(0, 8);
        start();
        logIn("hubei-operator", "operator");
        type(By.id("campaign-name"), name);
        // A datetime-local field is typed segment by segment in the browser's locale: set its value directly.
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript("document.getElementById('campaign-runAt').value = '2020-01-01T09:00'");
        click(By.id("campaign-create"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#campaign-runAt.is-invalid")));
        assertTrue(browser.findElement(By.cssSelector("#campaign-form .invalid-feedback")).getText()
                .contains("计划时间须晚于当前时间"));

        type(By.id("campaign-name"), name);
        script.executeScript("document.getElementById('campaign-runAt').value = '2099-01-01T09:00'");
        click(By.id("campaign-create"));
        By row = By.cssSelector("#campaigns tr[data-name='" + name + "']");
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(row, "data-status", "SCHEDULED"));
        String when = browser.findElement(By.cssSelector("#campaigns tr[data-name='" + name + "'] .campaign-run-at"))
                .getText();
        assertTrue(when.contains("2099"), when);
        HeadlessChromium.screenshot(browser, "matching-scheduled");
        click(By.cssSelector("#campaigns tr[data-name='" + name + "'] .campaign-unschedule"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(row, "data-status", "DRAFT"));
    }

    @Test
    void an_operator_uploads_an_enterprise_list_watches_it_finish_and_reads_the_refused_cells() throws Exception {
        String good = EnterprisesIT.newCreditCode();
        String badCheck = EnterprisesIT.newCreditCode().substring(0, 17) + "I";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("enterprises-", ".csv");
        java.nio.file.Files.writeString(file, "统一社会信用代码,企业名称,所在地区代码,国民经济行业代码\n"
                + good + ",浏览器导入测试有限公司,420100,0111\n" + badCheck + ",校验错误公司,420100,0111\n");
        start();
        logIn("hubei-operator", "operator");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("enterprise-import-file")))
                .sendKeys(file.toString());
        click(By.cssSelector("#enterprise-import button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.id("enterprise-import-job"), "data-status", "COMPLETED"));
        assertTrue(browser.findElement(By.id("enterprise-import-created")).getText().equals("1")
                || browser.findElement(By.id("enterprise-import-updated")).getText().equals("1"));
        assertTrue(browser.findElement(By.id("enterprise-import-refused")).getText().equals("1"));
        String refused = browser.findElement(By.id("enterprise-import-errors")).getText();
        assertTrue(refused.contains("第 3 行") && refused.contains(badCheck), refused);
        assertTrue(browser.findElement(By.id("enterprise-import-error-report")).isEnabled());
        HeadlessChromium.screenshot(browser, "enterprise-import-finished");
        java.nio.file.Files.delete(file);
    }

    private void start() {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void logIn(String username, String role) {
        HeadlessChromium.logIn(browser, username, role);
    }

    private void type(By locator, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        input.clear();
        input.sendKeys(text);
    }

    private void click(By locator) {
        HeadlessChromium.click(browser, locator);
    }
}

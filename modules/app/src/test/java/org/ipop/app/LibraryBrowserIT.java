package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ipop.app.support.Api;
import org.ipop.app.support.HeadlessChromium;
import org.ipop.app.support.Memberships;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The patent resource library in a real (headless) Chromium: a university technology transfer office imports the
 * sample inventory (10 patents of 中科大数据研究院), follows the import to its end, finds a patent by a Chinese
 * keyword and opens it, with its industry-segment tags and the screening history that starts with the import.
 */
class LibraryBrowserIT extends PlatformIT {

    private static final String INSTITUTION = "中科大数据研究院";
    private static final String KEYWORD = "摄像头";
    // H04N5/225: tagged SEI 8.1 (confirmed by 高清); the drone patents are in B64U, which the 2021 table predates.
    private static final String PATENT = "CN202122975192.6";
    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "REFUSED");
    /** Generous: the server may still be warming up its search index when the import starts. */
    private static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(120);

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void memberships() {
        Memberships.ensure("hubei-operator", "hubei-tto", "中科大数据研究院");
    }

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
    void a_tto_imports_the_sample_inventory_finds_a_patent_by_keyword_and_sees_its_tags_and_history() {
        Path sample = sampleInventory();
        logIn("hubei-tto");

        click(By.id("library-tab"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("library")));

        // Upload: the institution, then the file (a file input takes the absolute path as its keys).
        WebElement institution = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("library-upload-institution")));
        institution.clear();
        institution.sendKeys(INSTITUTION);
        browser.findElement(By.id("library-upload-file")).sendKeys(sample.toString());
        // A job still running from before may already be on display; ours is the one that replaces it.
        String earlierJob = browser.findElements(By.id("import-progress")).stream()
                .map(progress -> progress.getDomAttribute("data-job")).findFirst().orElse("");
        click(By.id("library-upload-submit"));

        // The page asks for the job's state every second until it has finished.
        String status = new WebDriverWait(browser, IMPORT_TIMEOUT)
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    List<WebElement> refused = driver.findElements(By.cssSelector("[data-section=libUpload] .alert"));
                    if (!refused.isEmpty()) {
                        throw new AssertionError("the upload was refused: " + refused.get(0).getText());
                    }
                    List<WebElement> progress = driver.findElements(By.id("import-progress"));
                    if (progress.isEmpty() || earlierJob.equals(progress.get(0).getDomAttribute("data-job"))) {
                        return null;
                    }
                    String current = progress.get(0).getDomAttribute("data-status");
                    return FINISHED.contains(current) ? current : null;
                });
        WebElement progress = browser.findElement(By.id("import-progress"));
        screenshot("library-import-finished");
        assertEquals("COMPLETED", status, () -> "the import ended as " + status + ": " + progress.getText());
        assertEquals("10", browser.findElement(By.id("import-rows-done")).getText().strip(),
                "all ten rows of the sample were processed");

        // Search in Chinese. The list on screen says which search it answers, so an older list is not taken for it.
        WebElement search = browser.findElement(By.id("library-search-input"));
        search.clear();
        search.sendKeys(KEYWORD, Keys.ENTER);
        By hit = By.cssSelector("#library-results[data-q='" + KEYWORD + "'][aria-busy=false] [data-id='" + PATENT + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(hit));
        screenshot("library-search");

        click(By.cssSelector("#library-results[data-q='" + KEYWORD + "'] [data-id='" + PATENT + "'] a"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#patent-detail[data-id='" + PATENT + "']")));

        List<WebElement> tags = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#patent-tags [data-catalog]"), 0));
        assertFalse(tags.get(0).getText().isBlank(), "a tag explains itself");

        // The history starts with the import: from nothing to 已盘点 (inventoried).
        WebElement imported = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#patent-history tbody tr[data-to=INVENTORIED][data-from='']")));
        assertTrue(imported.getText().contains("已盘点"), () -> "the import step: " + imported.getText());
        screenshot("library-patent");
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('patent-history').scrollIntoView({block: 'center', behavior: 'instant'})");
        screenshot("library-patent-history");
    }

    @Test
    void an_operator_registers_an_institution_and_makes_a_tto_its_member() {
        String name = "浏览器登记大学" + System.nanoTime();
        HeadlessChromium.logIn(browser, "hubei-operator", "operator");
        click(By.id("library-tab"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("institution-register-form")));
        browser.findElement(By.id("institution-name")).sendKeys(name);
        click(By.cssSelector("#institution-register-form button[type=submit]"));
        By row = By.cssSelector("#institutions-table tr[data-institution='" + name + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));

        new Select(browser.findElement(By.id("member-institution"))).selectByValue(name);
        browser.findElement(By.id("member-username")).sendKeys("hubei-tto");
        click(By.cssSelector("#institution-member-form button[type=submit]"));
        wait.ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(row, "hubei-tto"));
        screenshot("library-institutions");
        assertTrue(Api.get("/api/library/institutions", Tokens.of("hubei-tto")).body().contains(name),
                "the office now acts for the institution");
    }

    private void logIn(String username) {
        HeadlessChromium.logIn(browser, username, "tto");
    }

    private void click(By locator) {
        HeadlessChromium.click(browser, locator);
    }

    /**
     * The sample inventory: the library module's copy of the real export (system property {@code ipop.sample.csv},
     * or its place beside this module).
     */
    private static Path sampleInventory() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("ipop.sample.csv");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("..", "library", "src", "main", "resources", "org", "ipop", "library", "demo",
                "patents.csv"));
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .map(path -> path.toAbsolutePath().normalize())
                .orElseThrow(() -> new IllegalStateException("no sample inventory at any of " + candidates));
    }

    private void screenshot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }
}

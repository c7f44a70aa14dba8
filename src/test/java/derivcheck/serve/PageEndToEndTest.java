package derivcheck.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: Debian's headless Chromium through its chromedriver (no browser
 * download). A student opens an exercise, types a three-line derivation whose second step is
 * false, and sees each line typeset and the wrong line marked with its diagnosis. Saves a picture
 * of the page as target/serve-page.png; docs/serve-page.png (in the README and docs/serve.md) is a
 * committed copy, replaced only on demand:
 * {@code mvn -B test -Dtest=PageEndToEndTest -Dderivcheck.updateDocs=true}, so that a test run never
 * changes the tree. In CI (CI=true) a missing browser fails the test; elsewhere it skips.
 */
class PageEndToEndTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** Where the picture goes: target/ always, docs/ only when asked for with -Dderivcheck.updateDocs=true. */
    static List<Path> screenshotTargets() {
        Path build = Path.of("target", "serve-page.png");
        return Boolean.getBoolean("derivcheck.updateDocs") ? List.of(build, Path.of("docs", "serve-page.png")) : List.of(build);
    }

    @Test
    void aStudentTypesADerivationAndSeesTheWrongStepMarked() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(present, "CI needs " + CHROMIUM + " and " + DRIVER + " (apt-get install chromium chromium-driver; .ci/run does)");
        } else {
            assumeTrue(present, "no Chromium here: the browser test runs in CI");
        }
        Path profile = Files.createTempDirectory("derivcheck-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1100,1240", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        try (ServerFixture f = new ServerFixture(ServerFixture.quick(), ServerFixture.SPEC, Path.of("problems", "trust_region_l2.prob"))) {
            ChromeDriver browser = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                browser.get(f.base() + "/");
                // the list: titles, sources, statements typeset
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card math")));
                List<WebElement> cards = browser.findElements(By.cssSelector(".card"));
                assertEquals(2, cards.size());
                browser.findElement(By.linkText("Proximal step with weight decay")).click();
                WebElement editor = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("textarea.editor")));
                assertTrue(browser.findElement(By.cssSelector(".statement")).findElements(By.tagName("math")).size() > 0);
                editor.sendKeys(
                        "\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda}\n"
                        + "= \\frac{\\theta^t}{1 + \\varepsilon'\\lambda} + \\frac{\\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda}\n"
                        + "= \\frac{\\theta^t + \\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda}");
                // the typeset echo appears for each line
                wait.until(d -> d.findElements(By.cssSelector(".lines li .readas math")).size() == 3);
                // then, after the pause, the verdicts: line 2 is the first false step
                WebElement wrong = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".lines li.first-false")));
                assertEquals("2", wrong.getAttribute("data-line"));
                assertEquals("✗", wrong.findElement(By.cssSelector(".mark")).getText());
                assertTrue(wrong.findElement(By.cssSelector(".message")).getText().startsWith("The two sides differ at"),
                        wrong.getText());
                List<WebElement> rows = browser.findElements(By.cssSelector(".lines li"));
                assertEquals("✓", rows.get(0).findElement(By.cssSelector(".mark")).getText());
                assertEquals("✓", rows.get(2).findElement(By.cssSelector(".mark")).getText());
                WebElement summary = browser.findElement(By.cssSelector(".summary .answer.incorrect"));
                assertTrue(summary.getText().contains("first false step is on line 2"), summary.getText());
                assertFalse(browser.getPageSource().contains("Exception"));
                assertTrue(wrong.findElements(By.cssSelector(".message math")).size() >= 2, "the values are typeset");
                // a picture of the page for docs/ and the README
                browser.executeScript("document.querySelector('textarea.editor').blur(); document.querySelector('textarea.editor').scrollLeft = 0;");
                Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
                Path committed = Path.of("docs", "serve-page.png");
                byte[] before = Files.isRegularFile(committed) ? Files.readAllBytes(committed) : null;
                for (Path to : screenshotTargets()) {
                    Files.createDirectories(to.getParent());
                    Files.copy(png, to, StandardCopyOption.REPLACE_EXISTING);
                }
                assertTrue(Files.size(Path.of("target", "serve-page.png")) > 10_000, "a picture of the page under target/");
                if (!Boolean.getBoolean("derivcheck.updateDocs")) {
                    // a plain test run leaves the tree as it was
                    assertTrue(before == null ? !Files.exists(committed) : java.util.Arrays.equals(before, Files.readAllBytes(committed)));
                }
            } finally {
                browser.quit();
            }
        }
    }
}

package dev.heed.responder.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through the system chromedriver, for browser tests of the console (in this
 * module and, through the test-jar, the end-to-end test). Nothing is downloaded: Selenium Manager stays offline
 * and the binaries are named. Without them the test fails under {@code CI=true} and is skipped elsewhere.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getProperty("heed.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("heed.chromedriver", "/usr/bin/chromedriver"));

    /** How long a read may keep meeting replaced or missing elements before the test fails. */
    private static final Duration READ_WITHIN = Duration.ofSeconds(30);

    private final WebDriver browser;
    private final Path profile;

    private HeadlessChromium(WebDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    public static HeadlessChromium start() throws IOException {
        requireChromium();
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("heed-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1100", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    private static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "Chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): apt-get install -y chromium chromium-driver (as .ci/run does)";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing);
        }
        Assumptions.assumeTrue(present, missing);
    }

    public WebDriver browser() {
        return browser;
    }

    /**
     * Clicks the element {@code target} finds, finding it again when the page replaced it in between: the
     * console re-renders its lists on every server-sent update, so an element found a moment ago can be gone.
     */
    public void click(By target, Duration within) {
        read(page -> {
            page.findElement(target).click();
            return true;
        }, within);
    }

    /** The text of the element {@code target} finds, read as {@link #read(Function, Duration)} does. */
    public String text(By target) {
        return read(page -> page.findElement(target).getText(), READ_WITHIN);
    }

    /** What {@code read} takes from every element {@code target} finds (none is an empty list), read as below. */
    public <T> List<T> readAll(By target, Function<WebElement, T> read) {
        return read(page -> page.findElements(target).stream().map(read).toList(), READ_WITHIN);
    }

    /**
     * Every read of the live page goes through here: {@code read} runs again, from a fresh find, while the
     * element it found was replaced by a server-sent update before it was read
     * ({@link StaleElementReferenceException}) or is not on the page yet, for at most {@code within}. The
     * first completed read is the answer, whatever it is (null and false included): this retries a read, it
     * does not wait for a value.
     */
    public <T> T read(Function<WebDriver, T> read, Duration within) {
        return new WebDriverWait(browser, within).ignoring(StaleElementReferenceException.class)
                .until(page -> Optional.ofNullable(read.apply(page))).orElse(null);
    }

    /**
     * Lays the page out as a screen {@code width} by {@code height} CSS pixels would, a phone's when
     * {@code mobile} (its viewport meta tag honoured), through DevTools' device-metrics override: a headless
     * window cannot be made as narrow as a phone.
     */
    public void viewport(int width, int height, boolean mobile) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    public void screenshot(String file) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Path path = Path.of(file);
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Files.write(path, png);
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}

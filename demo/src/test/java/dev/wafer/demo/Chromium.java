package dev.wafer.demo;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium browsers for one test: Debian's {@code chromium} driven by its
 * {@code chromedriver} (never Selenium Manager, never a download), each with a fresh profile.
 * {@link #close()} quits every one, which stops its chromedriver and its Chromium processes.
 *
 * <p>A missing browser or driver fails the test, with what to install: a browser suite that skips
 * itself where no browser is would pass on exactly the machines that test nothing.
 */
final class Chromium implements AutoCloseable {
    static final File BROWSER = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(15);

    /** Selenium's "no CDP implementation for this version" warning is expected: CDP is not used. */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM.setLevel(Level.SEVERE);
    }

    private final Path profiles;
    private final List<ChromeDriver> drivers = new ArrayList<>();

    /** Browsers whose profiles go under a directory (made if missing, removed on close). */
    Chromium(Path profiles) {
        this.profiles = profiles;
    }

    /** Fails the test unless Chromium and chromedriver are installed. */
    static void requireInstalled() {
        requireInstalled(BROWSER, DRIVER);
    }

    static void requireInstalled(File... executables) {
        List<String> missing = new ArrayList<>();
        for (File f : executables) {
            if (!f.canExecute()) {
                missing.add(f.getPath());
            }
        }
        if (!missing.isEmpty()) {
            fail("The browser tests need Chromium and chromedriver, and " + String.join(" and ", missing) + " is missing. "
                    + "Install them (Debian, as root): apt-get install chromium chromium-driver");
        }
    }

    /** A new browser with a viewport of 1200 x 900 CSS pixels (the screenshots' size). */
    ChromeDriver open() throws IOException {
        requireInstalled();
        Path profile = Files.createDirectories(profiles).resolve("profile-" + drivers.size());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--password-store=basic", "--window-size=1200,900", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER)
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        drivers.add(driver);
        // --window-size sets the window; make the page area itself 1200 x 900.
        JavascriptExecutor js = driver;
        long dw = ((Number) js.executeScript("return window.outerWidth - window.innerWidth")).longValue();
        long dh = ((Number) js.executeScript("return window.outerHeight - window.innerHeight")).longValue();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension((int) (1200 + dw), (int) (900 + dh)));
        return driver;
    }

    /** Quits every browser (its chromedriver and Chromium processes end), then removes the profiles. */
    @Override
    public void close() throws IOException {
        RuntimeException first = null;
        for (ChromeDriver d : drivers) {
            try {
                d.quit();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        drivers.clear();
        if (Files.exists(profiles)) {
            try (Stream<Path> files = Files.walk(profiles)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // Chromium may still be closing a file as it exits: the profiles are under target/, which clean removes.
            }
        }
        if (first != null) {
            throw first;
        }
    }

    // ---- page helpers ---------------------------------------------------------------------------

    static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, WAIT);
    }

    /**
     * Clicks a submit button and waits until the page it leads to has loaded: the old page's window
     * carries a mark, the new page's does not. (Waiting for the old {@code html} element to go stale
     * raced Chromium's navigation: "Node with given id does not belong to the document".) While the
     * navigation runs, the driver may answer a script with a transient error: those are waited out.
     */
    static void submit(WebDriver driver, By button) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.waferOldPage = true");
        driver.findElement(button).click();
        waitFor(driver).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(js.executeScript(
                "return window.waferOldPage === undefined && document.readyState === 'complete'")));
    }

    static String text(WebDriver driver, String id) {
        return waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    static String body(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }
}

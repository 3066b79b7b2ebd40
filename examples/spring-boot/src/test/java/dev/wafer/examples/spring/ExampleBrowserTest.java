package dev.wafer.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example in headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs):
 * sign in with remember-me through Spring Security's own sign-in page, a CSRF-protected form, the
 * browser coming back without its session cookie, a key rotation, and sign-out. A missing browser
 * fails the test: it never skips.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExampleBrowserTest {
    static final File BROWSER = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    static {
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    }

    @LocalServerPort
    int port;

    private ChromeDriver driver;
    private Path profile;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("wafer-example-browser");
        registry.add("wafer.sealing.key-file", () -> ExampleAppTest.uncheckedKeyFile(dir));
    }

    private ChromeDriver open() throws Exception {
        if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
            fail("The browser test needs Chromium and chromedriver: apt-get install chromium chromium-driver "
                    + "(.ci/run does it when it runs as root)");
        }
        profile = Files.createTempDirectory("wafer-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--user-data-dir=" + profile, "--no-first-run", "--disable-background-networking", "--disable-sync",
                "--disable-extensions", "--password-store=basic", "--window-size=1100,700");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build(),
                options);
        return driver;
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Clicks a button and waits until the next page has loaded. */
    private void submit(By button) {
        JavascriptExecutor js = driver;
        js.executeScript("window.waferOldPage = true");
        driver.findElement(button).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                js.executeScript("return window.waferOldPage === undefined && document.readyState === 'complete'")));
    }

    private void screenshot(String name) throws Exception {
        if (Boolean.getBoolean("wafer.updateScreenshots")) {
            Path target = Path.of("../../docs/spring", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void signInRememberMeCsrfRotationAndSignOutInARealBrowser() throws Exception {
        open();
        driver.get(url("/account"));
        assertTrue(driver.getCurrentUrl().endsWith("/login"), driver.getCurrentUrl());
        driver.findElement(By.name("username")).sendKeys("alice");
        driver.findElement(By.name("password")).sendKeys("wafer-demo");
        driver.findElement(By.name("remember-me")).click();
        screenshot("login");
        submit(By.cssSelector("button[type=submit]"));
        assertEquals("alice", driver.findElement(By.id("user")).getText());
        screenshot("account");

        Cookie session = driver.manage().getCookieNamed("__Host-session");
        assertNotNull(session, "the session is a __Host- cookie");
        assertTrue(session.isHttpOnly() && session.isSecure(), session.toString());
        assertNotNull(driver.manage().getCookieNamed("__Host-remember"));
        String script = (String) driver.executeScript("return document.cookie");
        assertFalse(script.contains("__Host-session") || script.contains("__Host-remember"), "script cannot read them: " + script);
        assertEquals(null, driver.manage().getCookieNamed("JSESSIONID"));

        driver.get(url("/notes"));
        driver.findElement(By.id("note")).sendKeys("from Chromium");
        submit(By.id("save"));
        assertTrue(driver.findElement(By.id("notes")).getText().contains("from Chromium"));
        submit(By.id("forged"));
        assertTrue(driver.getPageSource().contains("403") || driver.getPageSource().contains("Forbidden"),
                "a post without its token is refused: " + driver.getPageSource());
        driver.get(url("/notes"));
        screenshot("notes");

        driver.manage().deleteCookieNamed("__Host-session"); // the browser was closed
        driver.get(url("/account"));
        assertEquals("alice", driver.findElement(By.id("user")).getText());
        assertEquals("RememberMeAuthenticationToken", driver.findElement(By.id("how")).getText());

        String before = driver.findElement(By.id("kid")).getText();
        driver.get(url("/keys"));
        submit(By.id("rotate"));
        screenshot("keys");
        driver.get(url("/account"));
        driver.get(url("/account"));
        assertEquals("alice", driver.findElement(By.id("user")).getText(), "a rotation logs nobody out");
        String after = driver.findElement(By.id("kid")).getText();
        assertFalse(after.isEmpty() || after.equals(before), "resealed under the new key: " + before + " -> " + after);

        submit(By.id("logout"));
        driver.get(url("/account"));
        assertTrue(driver.getCurrentUrl().endsWith("/login"), "signed out: " + driver.getCurrentUrl());
    }
}

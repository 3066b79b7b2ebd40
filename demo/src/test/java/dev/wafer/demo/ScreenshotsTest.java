package dev.wafer.demo;

import static dev.wafer.demo.Chromium.submit;
import static dev.wafer.demo.Chromium.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Takes a screenshot of every page of the demo at 1200 x 900 on every run, into
 * target/screenshots/ (a test run changes no file in the repository); with
 * {@code mvn -pl demo test -Dtest=ScreenshotsTest -Dwafer.updateScreenshots=true} into docs/web/,
 * which docs/web.md shows.
 */
class ScreenshotsTest {
    @TempDir
    Path workDir;

    private Path out;

    private void shot(ChromeDriver d, String name) throws Exception {
        byte[] png = d.getScreenshotAs(OutputType.BYTES);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1200, image.getWidth(), name);
        assertEquals(900, image.getHeight(), name);
        Files.write(out.resolve(name + ".png"), png);
    }

    @Test
    void writesAScreenshotOfEveryPage() throws Exception {
        Path moduleDir = Path.of(System.getProperty("basedir", "."));
        out = Files.createDirectories(Boolean.getBoolean("wafer.updateScreenshots")
                ? moduleDir.resolve("../docs/web").normalize() : moduleDir.resolve("target/screenshots"));
        try (DemoServer server = DemoServer.start(0, workDir);
             Chromium browsers = new Chromium(Path.of("target", "browser-profiles", UUID.randomUUID().toString()))) {
            String base = server.url();
            ChromeDriver d = browsers.open();

            d.get(base + "/");
            shot(d, "home");

            d.get(base + "/login");
            d.findElement(By.id("user")).sendKeys(DemoApp.USER);
            d.findElement(By.id("password")).sendKeys(DemoApp.PASSWORD);
            d.findElement(By.id("remember")).click();
            shot(d, "login");
            submit(d, By.id("sign-in"));
            d.navigate().refresh();
            d.navigate().refresh();
            assertEquals("3", text(d, "visits"));
            shot(d, "session");

            d.get(base + "/form");
            shot(d, "form");
            submit(d, By.id("post-with-token"));
            text(d, "accepted");
            shot(d, "form-accepted");
            d.get(base + "/form");
            submit(d, By.id("post-without-token"));
            assertTrue(Chromium.body(d).startsWith("403 Forbidden"));
            shot(d, "form-403");

            d.get(base + "/keys");
            shot(d, "keys-before");
            submit(d, By.id("rotate"));
            text(d, "rotated");
            shot(d, "keys-after");

            d.get(base + "/big");
            submit(d, By.id("store"));
            text(d, "refused");
            shot(d, "big-refused");

            d.get(base + "/logout");
            shot(d, "logout");
            submit(d, By.id("logout-everywhere"));
            text(d, "signed-out");
            shot(d, "signed-out");
        }
    }
}

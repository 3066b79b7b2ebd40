package dev.wafer.demo;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The browser suite fails, never skips, where Chromium is missing, and says what to install. */
class ChromiumTest {
    @Test
    void aMissingBrowserFailsTheTestAndSaysWhatToInstall() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Chromium.requireInstalled(Chromium.BROWSER, new File("/nonexistent/chromedriver")));
        assertTrue(e.getMessage().contains("/nonexistent/chromedriver is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install chromium chromium-driver"), e.getMessage());
    }
}

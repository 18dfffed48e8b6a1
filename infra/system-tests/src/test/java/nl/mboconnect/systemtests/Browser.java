package nl.mboconnect.systemtests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Headless Chromium from the operating system (Debian's package), driven by Playwright for Java,
 * which must not try to download a browser of its own: this machine has no internet.
 */
final class Browser {

    private Browser() {
    }

    static Playwright playwright() {
        Path work = Path.of("target/playwright").toAbsolutePath();
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                "PLAYWRIGHT_BROWSERS_PATH", work.resolve("browsers").toString(),
                "XDG_CACHE_HOME", work.resolve("cache").toString(),
                "XDG_CONFIG_HOME", work.resolve("config").toString(),
                "TMPDIR", System.getProperty("java.io.tmpdir"))));
    }

    static com.microsoft.playwright.Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("mbo.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }
}

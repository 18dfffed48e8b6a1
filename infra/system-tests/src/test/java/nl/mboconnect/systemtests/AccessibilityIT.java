package nl.mboconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import nl.mboconnect.local.LocalPlatform;

/** The site works on a phone and with the keyboard (axe-core on every page: {@link EveryPageIT}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityIT {

    LocalPlatform platform;
    Playwright playwright;
    com.microsoft.playwright.Browser browser;

    @BeforeAll
    void start() {
        platform = RunningPlatform.get();
        playwright = Browser.playwright();
        browser = Browser.chromium(playwright);
    }

    @AfterAll
    void stop() {
        playwright.close();
    }

    @Test
    void onAPhoneNothingScrollsSidewaysAndTheLoginIsWithinReach() {
        try (BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(360, 740)
                .setIsMobile(true).setHasTouch(true).setLocale("nl-NL"))) {
            Page page = context.newPage();
            page.navigate(platform.siteUrl());
            page.waitForSelector("body[data-ready=true]");
            assertThat(Site.sidewaysOverflow(page)).isLessThanOrEqualTo(0);
            assertThat(page.locator("#login")).isInViewport();
            var box = page.locator("#login").boundingBox();
            assertThat(box.height).isGreaterThanOrEqualTo(44); // a thumb-sized target
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/phone.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void theKeyboardAloneReachesTheContentAndTheLogin() {
        try (BrowserContext context = browser.newContext(new NewContextOptions().setLocale("nl-NL"))) {
            Page page = context.newPage();
            page.navigate(platform.siteUrl());
            page.waitForSelector("body[data-ready=true]");

            page.keyboard().press("Tab");
            assertThat(page.locator(".skip-link")).isFocused();
            page.keyboard().press("Enter");
            assertThat(page.locator("main")).isFocused();

            // from the top of a freshly opened page (not /#inhoud, where the skip link left us)
            page.navigate(platform.siteUrl() + "/");
            page.waitForSelector("body[data-ready=true]");
            List<String> focused = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                page.keyboard().press("Tab");
                focused.add((String) page.evaluate("() => document.activeElement.id || document.activeElement.textContent.trim()"));
            }
            assertThat(focused).contains("login");
        }
    }
}

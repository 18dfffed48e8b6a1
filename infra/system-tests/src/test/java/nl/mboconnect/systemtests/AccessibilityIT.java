package nl.mboconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import nl.mboconnect.local.LocalPlatform;

/** The site works on a phone and with the keyboard, and axe-core finds nothing serious. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityIT {

    private static final String AXE = read("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");

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
    void theHomePageHasNoSeriousAccessibilityProblemsSignedOutOrIn() {
        // axe is injected as an inline script, which the site's CSP rightly refuses
        try (BrowserContext context = browser.newContext(new NewContextOptions().setLocale("nl-NL")
                .setBypassCSP(true))) {
            Page page = context.newPage();
            page.navigate(platform.siteUrl());
            page.waitForSelector("body[data-ready=true]");
            assertThat(seriousViolations(page)).isEmpty();

            page.locator("#login").click();
            page.waitForURL(Pattern.compile(".*/realms/mbo-connect/.*"));
            page.locator("#username").fill("pieter");
            page.locator("#password").fill("mboconnect");
            page.locator("#kc-login").click();
            page.waitForURL(platform.siteUrl() + "/**");
            assertThat(page.locator("#member-name")).hasText("Pieter Jansen");
            assertThat(seriousViolations(page)).isEmpty();
        }
    }

    @Test
    void onAPhoneNothingScrollsSidewaysAndTheLoginIsWithinReach() {
        try (BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(360, 740)
                .setIsMobile(true).setHasTouch(true).setLocale("nl-NL"))) {
            Page page = context.newPage();
            page.navigate(platform.siteUrl());
            page.waitForSelector("body[data-ready=true]");
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
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

            page.locator("body").focus();
            List<String> focused = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                page.keyboard().press("Tab");
                focused.add((String) page.evaluate("() => document.activeElement.id || document.activeElement.textContent.trim()"));
            }
            assertThat(focused).contains("login");
        }
    }

    /** Violations axe-core rates serious or critical, as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    private static List<String> seriousViolations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(
                "async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] }))"
                        + ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({ id: v.id, targets: v.nodes.map(n => n.target.join(' ')).join(', ') }))");
        return violations.stream().map(v -> v.get("id") + ": " + v.get("targets")).toList();
    }

    private static String read(String resource) {
        try (InputStream in = AccessibilityIT.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

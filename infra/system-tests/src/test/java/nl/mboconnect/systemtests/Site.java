package nl.mboconnect.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.RequestOptions;

import tools.jackson.databind.JsonNode;

import nl.mboconnect.local.LocalPlatform;
import nl.mboconnect.platform.testing.KeycloakAdmin;

/** What the browser tests do again and again on the site: sign in, call the API as the page does, run axe. */
final class Site {

    static final String PASSWORD = "mboconnect";
    /** axe-core as the build fetched it from the npm registry and checked against its pinned SHA-512 (pom.xml). */
    private static final String AXE = read("axe-core/axe.min.js");
    /** The WCAG 2.2 A and AA rules axe-core has, and its best practices. */
    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    private Site() {
    }

    /** Signs in on Keycloak's own page, starting from the home page's login button. */
    static Page signIn(BrowserContext context, LocalPlatform platform, String username) {
        // the header as the page's script draws it, not the static one it replaces, so the click
        // cannot land on a link on its way out (a sign-in in CI once waited out the 90 s below; the
        // failure now says where the page stayed)
        Page page = open(context.newPage(), platform, "/");
        page.locator("#login").click();
        // Keycloak on a loaded 2-core machine (its password hash, the redirects) can take longer than
        // Playwright's 30 s: seen once in CI. A sign-in that never comes still fails, after 90 s.
        awaitAddress(page, Pattern.compile(Pattern.quote(platform.keycloakUrl()) + "/realms/mbo-connect/.*"),
                "Keycloak's login page");
        page.locator("#username").fill(username);
        page.locator("#password").fill(PASSWORD);
        page.locator("#kc-login").click();
        awaitAddress(page, Pattern.compile(Pattern.quote(platform.siteUrl()) + "/.*"), "the site, signed in");
        page.waitForSelector("body[data-ready=true]");
        return page;
    }

    /** Waits for the page to reach the address; if it never does, says where it stayed and what it showed. */
    private static void awaitAddress(Page page, Pattern address, String what) {
        try {
            page.waitForURL(address, SIGN_IN_WAIT);
        } catch (TimeoutError e) {
            String shown = page.locator("body").innerText();
            throw new AssertionError("not at " + what + " after " + SIGN_IN_WAIT.timeout + " ms: the page is "
                    + page.url() + ", showing: " + shown.substring(0, Math.min(shown.length(), 500)), e);
        }
    }

    private static final Page.WaitForURLOptions SIGN_IN_WAIT = new Page.WaitForURLOptions().setTimeout(90_000);

    /** Goes to a page of the site and waits until its script has drawn it. */
    static Page open(Page page, LocalPlatform platform, String path) {
        page.navigate(platform.siteUrl() + path);
        page.waitForSelector("body[data-ready=true]");
        return page;
    }

    /** A call through the gateway with the context's session, carrying the CSRF token as the site's pages do. */
    static JsonNode call(BrowserContext context, LocalPlatform platform, String method, String path, Object body) {
        String token = context.cookies(platform.siteUrl()).stream().filter(cookie -> cookie.name.equals("XSRF-TOKEN"))
                .map(cookie -> URLDecoder.decode(cookie.value, StandardCharsets.UTF_8)).findFirst().orElse("");
        RequestOptions options = RequestOptions.create().setMethod(method).setHeader("X-XSRF-TOKEN", token)
                .setHeader("Accept", "application/json");
        if (body != null) {
            options.setHeader("Content-Type", "application/json").setData(KeycloakAdmin.JSON.writeValueAsString(body));
        }
        APIResponse response = context.request().fetch(platform.siteUrl() + path, options);
        if (response.status() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.status() + ": " + response.text());
        }
        return response.text().isEmpty() ? null : KeycloakAdmin.JSON.readTree(response.text());
    }

    /** Creates and publishes an event as the signed-in editor of this context; its id. */
    static String publishedEvent(BrowserContext editor, LocalPlatform platform, Map<String, Object> event) {
        String id = call(editor, platform, "POST", "/api/events/events", event).get("id").asString();
        call(editor, platform, "POST", "/api/events/events/" + id + "/publish", null);
        return id;
    }

    /**
     * The context with axe-core in every page, under the site's real content-security policy: an init
     * script comes from the browser's tooling, not from the page, so the CSP (which rightly refuses an
     * inline script) need not be bypassed.
     */
    static BrowserContext withAxe(BrowserContext context) {
        context.addInitScript(AXE);
        return context;
    }

    /** Whether the page runs under a CSP that refuses inline scripts, as the site's does. */
    static boolean refusesInlineScripts(Page page) {
        return (Boolean) page.evaluate("() => { const s = document.createElement('script');"
                + " s.textContent = 'window.__inlineRan = true'; document.head.append(s);"
                + " return window.__inlineRan !== true; }");
    }

    /** One element that breaks one of axe-core's rules; {@code target} is axe's selector for it. */
    record Violation(String rule, String impact, String target) {

        @Override
        public String toString() {
            return rule + " (" + impact + "): " + target;
        }
    }

    /**
     * Every violation of {@link #AXE_TAGS} axe-core finds in the page, whatever its impact, one per
     * element (a context {@link #withAxe}).
     */
    @SuppressWarnings("unchecked")
    static List<Violation> axeViolations(Page page) {
        if (!(Boolean) page.evaluate("() => typeof axe !== 'undefined'")) {
            throw new IllegalStateException("no axe in this page: open it in a context made withAxe");
        }
        List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate("""
                async (tags) => (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }))
                  .violations.flatMap((v) => v.nodes.map((n) => ({
                    rule: v.id,
                    impact: n.impact || v.impact || 'unrated',
                    target: n.target.map((t) => Array.isArray(t) ? t.join(' >>> ') : t).join(' | '),
                  })))""", AXE_TAGS);
        return found.stream().map(v -> new Violation((String) v.get("rule"), (String) v.get("impact"),
                (String) v.get("target"))).toList();
    }

    /** Violations axe-core rates serious or critical, as "rule (impact): target" lines (a context {@link #withAxe}). */
    static List<String> seriousViolations(Page page) {
        return axeViolations(page).stream().filter(v -> v.impact().equals("serious") || v.impact().equals("critical"))
                .map(Violation::toString).toList();
    }

    /** The version of axe-core in the page (a context {@link #withAxe}). */
    static String axeVersion(Page page) {
        return (String) page.evaluate("() => axe.version");
    }

    /** How far the page scrolls sideways (0 when it fits the screen). */
    static int sidewaysOverflow(Page page) {
        return ((Number) page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
    }

    private static String read(String resource) {
        try (InputStream in = Site.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

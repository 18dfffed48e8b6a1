package nl.mboconnect.systemtests;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.LoadState;

import nl.mboconnect.local.LocalPlatform;

/**
 * Every page of the site ({@link SitePage}), signed out and as each demo account ({@link Visitor}), on
 * a phone and on a desktop: axe-core finds no violation of any impact, and each page has what every
 * page must have (a Dutch title, {@code lang="nl"}, one main landmark, a skip link to it first, no
 * sideways scroll at 320 px). A page a visitor may not open is checked as what that visitor gets.
 * Each visit leaves a full-page screenshot in {@code target/screenshots/<visitor>/<page>-<width>.png}
 * and its findings in {@code target/accessibility/}; a failure says one line per finding,
 * {@code <page>@<width> <visitor>: <rule> (<impact>): <where>}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageIT {

    /** A phone and a desktop. */
    static final List<Integer> WIDTHS = List.of(390, 1280);
    /** The narrowest screen the site must fit without sideways scrolling (WCAG 1.4.10, reflow). */
    static final int NARROWEST = 320;
    private static final int HEIGHT = 900;
    private static final Duration READY = Duration.ofSeconds(20);
    private static final Duration NETWORK_IDLE = Duration.ofSeconds(10);
    private static final String SITE_CHECK = "site check";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Path FINDINGS = Path.of("target/accessibility");

    LocalPlatform platform;
    Playwright playwright;
    com.microsoft.playwright.Browser browser;
    /** One context and tab per visitor, signed in once, for all the pages and both widths. */
    final Map<Visitor, Page> tabs = new EnumMap<>(Visitor.class);
    final List<Finding> findings = new ArrayList<>();

    /** What one visit found wrong: an axe rule broken by an element, or one of the site's own checks. */
    record Finding(Visit visit, String rule, String impact, String target) {

        @Override
        public String toString() {
            return visit.where() + ": " + rule + " (" + impact + "): " + target;
        }
    }

    /** One page, seen by one visitor at one width. */
    record Visit(Visitor visitor, SitePage page, int width) {

        String where() {
            return page.slug + "@" + width + " " + visitor.label;
        }

        @Override
        public String toString() {
            return where() + " (" + page.path() + ")";
        }
    }

    @BeforeAll
    void start() throws IOException {
        platform = RunningPlatform.get();
        playwright = Browser.playwright();
        browser = Browser.chromium(playwright);
        Files.createDirectories(FINDINGS);
        // the demo events are added once the events service is ready: wait until the editor sees them all
        Page editor = tab(Visitor.NOOR);
        List<String> ids = Arrays.stream(SitePage.values()).filter(page -> page.demoEvent != null)
                .map(page -> SitePage.demoEventId(page.demoEvent)).distinct().toList();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(ids).allSatisfy(id -> assertThat(editor.context().request()
                        .get(platform.siteUrl() + "/api/events/events/" + id).status()).as("demo event " + id).isEqualTo(200)));
    }

    @AfterAll
    void stop() throws IOException {
        try {
            Files.write(FINDINGS.resolve("findings.txt"), findings.stream().map(Finding::toString).toList());
            Files.write(FINDINGS.resolve("by-page.txt"), byPageAndRule());
        } finally {
            if (playwright != null) {
                playwright.close();
            }
        }
    }

    Stream<Visit> visits() {
        return Arrays.stream(Visitor.values()).flatMap(visitor -> Arrays.stream(SitePage.values())
                .flatMap(page -> WIDTHS.stream().map(width -> new Visit(visitor, page, width))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("visits")
    void hasNoAccessibilityProblems(Visit visit) {
        List<Finding> found = check(visit);
        findings.addAll(found);
        assertThat(found).withFailMessage(() -> found.size() + (found.size() == 1 ? " problem" : " problems") + " on "
                + visit + ":\n"
                + found.stream().map(Finding::toString).collect(joining("\n"))).isEmpty();
    }

    /**
     * The sweep's own control: the pinned axe-core runs under the site's CSP, and a page spoilt on
     * purpose fails every check the sweep makes.
     */
    @Test
    void theSweepRunsThePinnedAxeUnderTheSitesCspAndCatchesASpoiltPage() {
        try (BrowserContext context = Site.withAxe(browser.newContext(new NewContextOptions().setLocale("nl-NL")))) {
            Page page = Site.open(context.newPage(), platform, "/");
            page.setViewportSize(WIDTHS.getFirst(), HEIGHT);
            assertThat(Site.refusesInlineScripts(page)).as("the site's CSP refuses inline scripts").isTrue();
            assertThat(Site.axeVersion(page)).isEqualTo(System.getProperty("mbo.axe.version", "(mbo.axe.version unset)"));
            Visit visit = new Visit(Visitor.SIGNED_OUT, SitePage.HOME, WIDTHS.getFirst());

            // spoilt from outside the page (the CSP would refuse a script of ours inside it)
            page.evaluate("""
                    () => {
                      const img = Object.assign(document.createElement('img'), { id: 'no-alt', src: '/favicon.svg' });
                      // with a height: Chromium counts no box without area as overflow, and nor would a person
                      const wide = Object.assign(document.createElement('div'), { id: 'too-wide', textContent: 'breed' });
                      wide.style.width = '600px';
                      document.getElementById('inhoud').append(img, wide);
                      document.body.prepend(Object.assign(document.createElement('button'), { id: 'first', textContent: 'Eerst' }));
                      document.body.append(document.createElement('main'));
                      document.documentElement.removeAttribute('lang');
                      document.title = '';
                    }""");
            List<Finding> found = inspect(page, visit);
            assertThat(found).extracting(Finding::toString).contains(
                    "home@390 signed-out: image-alt (critical): #no-alt",
                    "home@390 signed-out: html-lang-nl (site check): <html> has no lang",
                    "home@390 signed-out: one-main (site check): 2 main landmarks",
                    "home@390 signed-out: title (site check): the page has no title",
                    "home@390 signed-out: skip-link-first (site check): the first focusable element is button#first \"Eerst\","
                            + " not a skip link");
            assertThat(found).extracting(Finding::rule).contains("no-sideways-scroll-390", "no-sideways-scroll-320");
            assertThat(found).filteredOn(finding -> finding.rule().startsWith("no-sideways-scroll"))
                    .allSatisfy(finding -> assertThat(finding.target()).contains("div#too-wide"));
        }
    }

    /** The network check's control: a page whose reply never comes is reported. */
    @Test
    void aPageThatLeavesARequestOpenIsReported() {
        try (BrowserContext context = browser.newContext(new NewContextOptions().setLocale("nl-NL"))) {
            Page page = context.newPage();
            page.route("**/api/events/**", route -> {
                // never answered, as a reply left unread looks to the browser
            });
            page.navigate(platform.siteUrl() + SitePage.AGENDA.path());
            assertThat(networkStillBusy(page)).hasValueSatisfying(problem -> assertThat(problem).startsWith("requests still open"));
        }
    }

    private List<Finding> check(Visit visit) {
        List<Finding> found = new ArrayList<>();
        Page page = tab(visit.visitor());
        page.setViewportSize(visit.width(), HEIGHT);
        Response response = page.navigate(platform.siteUrl() + visit.page().path());
        int status = response == null ? -1 : response.status();
        if (status != visit.page().status) {
            found.add(site(visit, "http-status", "answers " + status + ", not " + visit.page().status));
        }
        waitUntilReady(page).ifPresent(problem -> found.add(site(visit, "ready", problem)));
        networkStillBusy(page).ifPresent(problem -> found.add(site(visit, "network-idle", problem)));

        Path screenshot = SCREENSHOTS.resolve(visit.visitor().label).resolve(visit.page().slug + "-" + visit.width() + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));
        found.addAll(inspect(page, visit));
        return found;
    }

    /** What the page, drawn, gets wrong: axe-core's rules, then the site's own checks. */
    private static List<Finding> inspect(Page page, Visit visit) {
        List<Finding> found = new ArrayList<>();
        for (Site.Violation violation : Site.axeViolations(page)) {
            found.add(new Finding(visit, violation.rule(), violation.impact(), violation.target()));
        }
        checkShell(page, visit, found);
        // last: it moves the focus
        skipLinkProblem(page).ifPresent(problem -> found.add(site(visit, "skip-link-first", problem)));
        if (visit.width() == WIDTHS.getFirst()) {
            page.setViewportSize(NARROWEST, HEIGHT);
            int overflow = Site.sidewaysOverflow(page);
            if (overflow > 0) {
                found.add(site(visit, "no-sideways-scroll-" + NARROWEST, overflow + " px wider than " + NARROWEST
                        + " px: " + widestElements(page)));
            }
            page.setViewportSize(visit.width(), HEIGHT);
        }
        return found;
    }

    /** Waits for the page's script to say it has drawn the page; what went wrong, if it never does. */
    private static Optional<String> waitUntilReady(Page page) {
        if (!(Boolean) page.evaluate("() => document.querySelector('script[type=module]') !== null")) {
            return Optional.of("no page script (not the site's shell), so body[data-ready=true] never comes");
        }
        try {
            page.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(READY.toMillis()));
            return Optional.empty();
        } catch (TimeoutError e) {
            return Optional.of("body[data-ready=true] not there after " + READY.toSeconds() + " s");
        }
    }

    /**
     * A drawn page leaves no request open (nothing polling, no reply left unread), so tools that wait
     * for network idle, as crawlers and test recorders do, are not left hanging.
     */
    private static Optional<String> networkStillBusy(Page page) {
        try {
            page.waitForLoadState(LoadState.NETWORKIDLE, new Page.WaitForLoadStateOptions().setTimeout(NETWORK_IDLE.toMillis()));
            return Optional.empty();
        } catch (TimeoutError e) {
            return Optional.of("requests still open " + NETWORK_IDLE.toSeconds() + " s after the page was ready");
        }
    }

    /** What every page has: a Dutch title, lang="nl", exactly one main landmark, and no sideways scroll at its width. */
    @SuppressWarnings("unchecked")
    private static void checkShell(Page page, Visit visit, List<Finding> found) {
        Map<String, Object> shell = (Map<String, Object>) page.evaluate("""
                () => ({
                  title: document.title.trim(),
                  lang: document.documentElement.getAttribute('lang'),
                  mains: document.querySelectorAll('main, [role=main]').length,
                  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                })""");
        String title = (String) shell.get("title");
        String dutch = visit.page().dutchTitle;
        if (title.isEmpty() || title.contains("{{")) {
            found.add(site(visit, "title", title.isEmpty() ? "the page has no title" : "the title is a template: " + title));
        } else if (!visit.visitor().signedIn() && dutch != null && !title.toLowerCase().contains(dutch.toLowerCase())) {
            found.add(site(visit, "title", "\"" + title + "\" does not say \"" + dutch + "\""));
        }
        if (!"nl".equals(shell.get("lang"))) {
            found.add(site(visit, "html-lang-nl", shell.get("lang") == null ? "<html> has no lang"
                    : "<html lang=\"" + shell.get("lang") + "\">"));
        }
        int mains = ((Number) shell.get("mains")).intValue();
        if (mains != 1) {
            found.add(site(visit, "one-main", mains + " main landmarks"));
        }
        int overflow = ((Number) shell.get("overflow")).intValue();
        if (overflow > 0) {
            found.add(site(visit, "no-sideways-scroll-" + visit.width(), overflow + " px too wide: " + widestElements(page)));
        }
    }

    /** From the top of the page, the first Tab must reach a visible link to the main landmark (or into it). */
    private static Optional<String> skipLinkProblem(Page page) {
        String focusedBefore = (String) page.evaluate("() => document.activeElement === document.body || !document.activeElement"
                + " ? null : document.activeElement.outerHTML.slice(0, 80)");
        page.keyboard().press("Tab");
        String problem = (String) page.evaluate("""
                () => {
                  const el = document.activeElement;
                  if (!el || el === document.body) return 'Tab focuses nothing';
                  const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
                  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (text ? ' "' + text + '"' : '');
                  if (el.tagName !== 'A' || !el.hash) return 'the first focusable element is ' + name + ', not a skip link';
                  const target = document.getElementById(decodeURIComponent(el.hash.slice(1)));
                  const mains = document.querySelectorAll('main, [role=main]');
                  if (!target) return name + ' points to ' + el.hash + ', which the page does not have';
                  if (mains.length !== 1 || !(target === mains[0] || mains[0].contains(target))) {
                    return name + ' points to ' + el.hash + ', not to the main landmark';
                  }
                  const box = el.getBoundingClientRect();
                  if (box.width < 1 || box.height < 1 || box.bottom <= 0 || box.right <= 0) {
                    return name + ' is not visible when focused';
                  }
                  return null;
                }""");
        if (problem != null && focusedBefore != null) {
            problem += " (the page had already focused " + focusedBefore + ")";
        }
        return Optional.ofNullable(problem);
    }

    /** The elements that stick out furthest to the right, to say what makes the page too wide. */
    private static String widestElements(Page page) {
        return (String) page.evaluate("""
                () => {
                  const width = document.documentElement.clientWidth;
                  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                    + (el.classList.length ? '.' + [...el.classList].join('.') : '');
                  const wide = [...document.body.querySelectorAll('*')]
                    .map((el) => ({ el, box: el.getBoundingClientRect() }))
                    .filter((e) => e.box.width > 0 && e.box.height > 0)
                    .map((e) => ({ el: e.el, right: e.box.right }))
                    .filter((e) => e.right > width + 0.5)
                    .filter((e) => ![...e.el.children].some((child) => child.getBoundingClientRect().right >= e.right));
                  return wide.sort((a, b) => b.right - a.right).slice(0, 3)
                    .map((e) => name(e.el) + ' to ' + Math.round(e.right) + ' px').join(', ') || 'no element sticks out';
                }""");
    }

    private static Finding site(Visit visit, String check, String problem) {
        return new Finding(visit, check, SITE_CHECK, problem);
    }

    /** The visitor's tab, signed in on the first visit and kept for every page after. */
    private Page tab(Visitor visitor) {
        return tabs.computeIfAbsent(visitor, who -> {
            BrowserContext context = Site.withAxe(browser.newContext(new NewContextOptions().setLocale("nl-NL")
                    .setViewportSize(WIDTHS.getLast(), HEIGHT)));
            if (!who.signedIn()) {
                return context.newPage();
            }
            Page page = Site.signIn(context, platform, who.username);
            assertThat(context.request().get(platform.siteUrl() + "/bff/session").text())
                    .as("signed in as " + who.username).contains("\"username\":\"" + who.username + "\"");
            return page;
        });
    }

    /** The findings once per page and rule, with the visitors and widths that saw them and an example of where. */
    private List<String> byPageAndRule() {
        Map<String, List<Finding>> grouped = findings.stream().collect(groupingBy(
                f -> f.visit().page().slug + ": " + f.rule() + " (" + f.impact() + ")", LinkedHashMap::new, toList()));
        List<String> lines = new ArrayList<>();
        grouped.forEach((key, group) -> {
            TreeSet<String> seenBy = new TreeSet<>();
            TreeSet<String> targets = new TreeSet<>();
            group.forEach(f -> {
                seenBy.add(f.visit().visitor().label + "@" + f.visit().width());
                targets.add(f.target());
            });
            lines.add(key + " — " + String.join(" ", seenBy));
            targets.stream().limit(5).forEach(target -> lines.add("    " + target));
            if (targets.size() > 5) {
                lines.add("    … and " + (targets.size() - 5) + " more");
            }
        });
        return lines;
    }
}

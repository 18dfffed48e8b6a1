package nl.mboconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import nl.mboconnect.local.LocalPlatform;

/**
 * Events on the site, in headless Chromium against the whole platform: a visitor finds an event
 * and takes it into their calendar, members register, wait and move up, an organiser writes,
 * publishes, checks in and exports. Every page visited is checked with axe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsIT {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    LocalPlatform platform;
    Playwright playwright;
    com.microsoft.playwright.Browser browser;
    BrowserContext editor;

    @BeforeAll
    void start() {
        platform = RunningPlatform.get();
        playwright = Browser.playwright();
        browser = Browser.chromium(playwright);
        editor = context();
        Site.signIn(editor, platform, "noor");
    }

    @AfterAll
    void stop() {
        playwright.close();
    }

    @Test
    void aVisitorFindsAnEventByKindAndInItsMonthAndTakesItIntoTheirCalendar() throws Exception {
        String title = "Webinar over examineren " + suffix();
        LocalDate day = LocalDate.now(AMSTERDAM).plusDays(12);
        String id = Site.publishedEvent(editor, platform, event("webinar", title, day.atTime(15, 0), day.atTime(17, 0), 50,
                Map.of("mode", "online", "platform", "Teams", "joinUrl", "https://teams.example.org/examineren"),
                List.of(slot(day.atTime(15, 0), day.atTime(15, 45), "Wat zegt de inspectie?", "Anouk de Graaf"),
                        slot(day.atTime(15, 45), day.atTime(17, 0), "Casussen uit de praktijk", null))));
        String hidden = "Besloten expertmeeting " + suffix();
        Map<String, Object> inviteOnly = event("expertmeeting", hidden, day.atTime(10, 0), day.atTime(12, 0), 12,
                onSite(), List.of());
        inviteOnly.put("visibility", Map.of("level", "invited", "invitees", List.of("someone-else")));
        String hiddenId = Site.publishedEvent(editor, platform, inviteOnly);

        try (BrowserContext visitor = context()) {
            Page page = Site.open(visitor.newPage(), platform, "/agenda");
            org.assertj.core.api.Assertions.assertThat(Site.refusesInlineScripts(page))
                    .as("the browser tests run under the site's real CSP").isTrue();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title))).isVisible();
            assertThat(page.getByText(hidden)).hasCount(0);
            assertThat(Site.seriousViolations(page)).isEmpty();

            // filtered by kind: only webinars
            page.getByLabel("Soort").selectOption("werkbezoek");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toon")).click();
            assertThat(page.getByText(title)).hasCount(0);
            page.getByLabel("Soort").selectOption("webinar");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toon")).click();
            assertThat(page.locator("[data-event-id='" + id + "']")).containsText("0/50 aangemeld");
            assertThat(page).hasURL(Pattern.compile(".*soort=webinar.*"));

            // the month view, moving on to the event's month when it falls in the next
            page.locator("#view-month").click();
            if (!day.withDayOfMonth(1).equals(LocalDate.now(AMSTERDAM).withDayOfMonth(1))) {
                page.locator("#month-next").click();
            }
            assertThat(page.locator("table.month [data-event-id='" + id + "']")).containsText(title);
            assertThat(page.getByText(hidden)).hasCount(0);
            assertThat(Site.seriousViolations(page)).isEmpty();

            page.locator("table.month [data-event-id='" + id + "'] a").click();
            page.waitForURL(platform.siteUrl() + "/agenda/" + id);
            page.waitForSelector("body[data-ready=true]");
            assertThat(page.locator("h1")).hasText(title);
            assertThat(page.locator("table.timetable tbody tr")).hasCount(2);
            assertThat(page.locator("table.timetable")).containsText("15:45–17:00");
            assertThat(page.locator("#join-link")).hasCount(0); // only for registered attendees
            assertThat(page.locator("#registration")).containsText("Log in om je aan te melden.");
            assertThat(Site.seriousViolations(page)).isEmpty();

            Download download = page.waitForDownload(() -> page.locator("#add-to-calendar").click());
            String ics = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertThat(download.suggestedFilename()).endsWith(".ics");
            assertThat(ics).contains("BEGIN:VCALENDAR", "SUMMARY:" + title.substring(0, 20),
                    "DTSTART;TZID=Europe/Amsterdam:" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "T150000",
                    "UID:" + id + "@mboconnect.nl").doesNotContain("teams.example.org");
            assertThat(ics.replace("\r\n ", "")).contains("URL:" + platform.siteUrl() + "/agenda/" + id);

            // English second: the same page in the visitor's other language
            page.locator("button[data-lang=en]").click();
            assertThat(page.locator("#programme-heading")).hasText("Programme");
            assertThat(page.locator("#add-to-calendar")).hasText("Add to calendar");
            page.locator("button[data-lang=nl]").click();
            assertThat(page.locator("#programme-heading")).hasText("Programma");

            // the invite-only event is not there, not even by its address; the public one is (the control:
            // an agenda that failed would leave both out)
            var agenda = visitor.request().get(platform.siteUrl() + "/api/events/agenda");
            assertThat(agenda.status()).isEqualTo(200);
            assertThat(agenda.text()).contains(id, title).doesNotContain(hiddenId, hidden);
            assertThat(visitor.request().get(platform.siteUrl() + "/api/events/events/" + id).status()).isEqualTo(200);
            var hiddenEvent = visitor.request().get(platform.siteUrl() + "/api/events/events/" + hiddenId);
            assertThat(hiddenEvent.status()).isEqualTo(404);
            assertThat(hiddenEvent.text()).doesNotContain(hidden);
            assertThat(visitor.request().get(platform.siteUrl() + "/api/events/events/" + hiddenId + "/calendar.ics")
                    .status()).isEqualTo(404);
            Page hiddenPage = Site.open(visitor.newPage(), platform, "/agenda/" + hiddenId);
            assertThat(hiddenPage.locator("main")).not().containsText(hidden);

            // the demo's tour along the regions (the local run's demo data): each stop shows the others
            Site.open(page, platform, "/agenda");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Tour LLO"))).first().click();
            page.waitForSelector("body[data-ready=true]");
            assertThat(page.locator("#series-heading")).containsText("Meer uit de reeks");
            assertThat(page.locator("section[aria-labelledby=series-heading] li").first()).containsText("Tour LLO");
        }
    }

    @Test
    void anEventThatWasCancelledSaysSoOnceAndOffersNothingThatCannotSucceed() {
        String id = Site.publishedEvent(editor, platform, event("kennissessie", "Kennissessie die niet doorgaat " + suffix(),
                LocalDate.now(AMSTERDAM).plusDays(20).atTime(14, 0), LocalDate.now(AMSTERDAM).plusDays(20).atTime(16, 0),
                30, Map.of("mode", "hybrid", "venue", "ROC Midden", "address", "Stationsplein 1, 3511 AA Utrecht",
                        "city", "Utrecht", "region", "Midden", "platform", "Teams",
                        "joinUrl", "https://teams.example.org/niet-door"), List.of()));
        try (BrowserContext joris = context()) {
            Page page = Site.open(Site.signIn(joris, platform, "joris"), platform, "/agenda/" + id);
            page.locator("#register").click();
            assertThat(page.locator("#registration-status")).hasText("Je bent aangemeld.");
            assertThat(page.locator("#join-link")).isVisible();

            Site.call(editor, platform, "POST", "/api/events/events/" + id + "/cancel", Map.of("reason", "Spreker ziek"));
            Site.open(page, platform, "/agenda/" + id);
            assertThat(page.locator("#registration")).hasAttribute("data-status", "event-cancelled");
            assertThat(page.locator("#registration-status")).containsText("gaat niet door");
            assertThat(page.locator("main")).not().containsText("Je bent aangemeld");
            for (String action : List.of("#join-link", "#add-to-calendar", "#cancel-registration", "#register")) {
                assertThat(page.locator(action)).hasCount(0);
            }
            org.assertj.core.api.Assertions.assertThat(joris.request().get(platform.siteUrl() + "/api/events/events/" + id)
                    .text()).doesNotContain("teams.example.org");
            // in "Mijn aanmeldingen" one state too: cancelled, not "registered" beside it
            Page mine = Site.open(page, platform, "/mijn-aanmeldingen");
            assertThat(mine.locator("li[data-event-id='" + id + "']")).containsText("Geannuleerd");
            assertThat(mine.locator("li[data-event-id='" + id + "']")).not().containsText("Aangemeld");
            assertThat(Site.seriousViolations(mine)).isEmpty();
        }
        try (BrowserContext visitor = context()) {
            Page page = Site.open(visitor.newPage(), platform, "/agenda/" + id);
            assertThat(page.locator("#registration")).hasAttribute("data-status", "event-cancelled");
            assertThat(page.locator("#registration-status")).containsText("gaat niet door");
        }
    }

    @Test
    void membersRegisterWaitAndMoveUpWhenAPlaceFrees() throws Exception {
        String title = "Kennissessie met één plek " + suffix();
        LocalDate day = LocalDate.now(AMSTERDAM).plusDays(9);
        Map<String, Object> definition = event("kennissessie", title, day.atTime(13, 30), day.atTime(16, 0), 1, onSite(),
                List.of());
        definition.put("questions", List.of(Map.of("id", "rol", "label", "Wat is je rol?", "type", "choice",
                "options", List.of("Docent", "Instructeur", "Praktijkopleider"), "required", true)));
        String id = Site.publishedEvent(editor, platform, definition);

        try (BrowserContext sanne = context(); BrowserContext joris = phone()) {
            Page first = Site.open(Site.signIn(sanne, platform, "sanne"), platform, "/agenda/" + id);
            first.locator("#register").click();
            // the required question, unanswered: said in Dutch next to it
            assertThat(first.locator("fieldset[data-field='answers.rol'] .field-error")).containsText("Vul dit in.");
            assertThat(first.locator("fieldset[data-field='answers.rol']")).hasAttribute("aria-invalid", "true");
            assertThat(first.locator(".error-summary")).isFocused();
            assertThat(Site.seriousViolations(first)).isEmpty();
            first.getByLabel("Docent").check();
            first.locator("#register").click();
            assertThat(first.locator("#registration")).hasAttribute("data-status", "confirmed");
            assertThat(first.locator("#registration-status")).hasText("Je bent aangemeld.");

            // on a phone, by keyboard: full, so the member joins the waiting list
            Page second = Site.open(Site.signIn(joris, platform, "joris"), platform, "/agenda/" + id);
            assertThat(second.locator(".facts")).containsText("1/1 aangemeld");
            assertThat(second.locator("#register")).hasText("Zet me op de wachtlijst");
            assertThat(Site.sidewaysOverflow(second)).isLessThanOrEqualTo(0);
            second.getByLabel("Instructeur").focus();
            second.keyboard().press("Space");
            tabUntil(second, "register");
            second.keyboard().press("Enter");
            assertThat(second.locator("#registration")).hasAttribute("data-status", "waitlisted");
            assertThat(second.locator("#waitlist-position")).hasText("Je bent nummer 1 op de wachtlijst.");
            Site.open(first, platform, "/agenda");
            assertThat(first.locator("[data-event-id='" + id + "']")).containsText("1 op de wachtlijst");

            // the first cancels; the one waiting has the place at once
            Site.open(first, platform, "/agenda/" + id);
            first.locator("#cancel-registration").click();
            first.locator("#confirm-cancel").click();
            assertThat(first.locator("#registration")).hasAttribute("data-status", "cancelled");
            second.reload();
            second.waitForSelector("body[data-ready=true]");
            assertThat(second.locator("#registration")).hasAttribute("data-status", "confirmed");

            // "Mijn aanmeldingen" and the personal calendar feed
            Site.open(second, platform, "/mijn-aanmeldingen");
            assertThat(second.locator("#upcoming [data-event-id='" + id + "']")).containsText("Aangemeld");
            assertThat(Site.seriousViolations(second)).isEmpty();
            String feed = second.locator("#feed-url").inputValue();
            assertThat(feed).startsWith(platform.siteUrl() + "/api/events/calendar/feeds/");
            try (BrowserContext calendarApp = context()) {
                assertThat(calendarApp.request().get(feed).text()).contains("SUMMARY:" + title.substring(0, 20));
                second.locator("#renew-feed").click();
                assertThat(second.locator("#feed-url")).not().hasValue(feed);
                assertThat(calendarApp.request().get(feed).status()).isEqualTo(404);
            }
        }
    }

    @Test
    void aFreedPlaceIsOfferedToTheNextInLineWhoTakesIt() {
        LocalDate day = LocalDate.now(AMSTERDAM).plusDays(15);
        Map<String, Object> definition = event("expertmeeting", "Expertmeeting met aanbod " + suffix(), day.atTime(10, 0),
                day.atTime(12, 0), 1, onSite(), List.of());
        definition.put("waitlist", Map.of("promotion", "offer", "offerHours", 24));
        String id = Site.publishedEvent(editor, platform, definition);

        try (BrowserContext sanne = context(); BrowserContext joris = context()) {
            Page first = Site.open(Site.signIn(sanne, platform, "sanne"), platform, "/agenda/" + id);
            first.locator("#register").click();
            assertThat(first.locator("#registration")).hasAttribute("data-status", "confirmed");
            Page second = Site.open(Site.signIn(joris, platform, "joris"), platform, "/agenda/" + id);
            second.locator("#register").click();
            assertThat(second.locator("#registration")).hasAttribute("data-status", "waitlisted");

            first.locator("#cancel-registration").click();
            first.locator("#confirm-cancel").click();
            assertThat(first.locator("#registration")).hasAttribute("data-status", "cancelled");

            Site.open(second, platform, "/agenda/" + id);
            assertThat(second.locator("#registration")).hasAttribute("data-status", "offered");
            assertThat(second.locator("#registration-status")).hasText("Er is een plek voor je vrij!");
            assertThat(Site.seriousViolations(second)).isEmpty();
            second.locator("#accept-offer").click();
            assertThat(second.locator("#registration")).hasAttribute("data-status", "confirmed");
            assertThat(second.locator("#registration .message")).hasText("De plek is van jou. Tot dan!");
        }
    }

    @Test
    void anOrganiserWritesAnEventFixesAMistakePublishesChecksInAndExports() throws Exception {
        String title = "Werkbezoek bedrijfsschool " + suffix();
        // starts in half an hour: members may still register, and check-in is open
        LocalDateTime start = LocalDateTime.now(AMSTERDAM).plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        Page page = editor.newPage();
        Site.open(page, platform, "/organiseren");
        page.locator("#new-event").click();
        page.waitForSelector("#event-form");
        page.getByLabel("Soort bijeenkomst").selectOption("werkbezoek");
        page.getByLabel("Titel").fill(title);
        page.getByLabel("Begint").fill(start.format(LOCAL));
        page.getByLabel("Eindigt").fill(start.minusHours(1).format(LOCAL));
        page.getByLabel("Op locatie", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Adres").fill("Havenweg 12, 3089 JB Rotterdam");
        page.getByLabel("Regio").selectOption("West");
        page.getByLabel("Maximum aantal deelnemers").fill("20");
        page.locator("#add-questions").click();
        page.locator("[name='questions.0.label']").fill("Welke opleiding geef je?");
        page.locator("#save-event").click();

        assertThat(page.locator(".error-summary")).containsText("Eindigt: Het einde moet na het begin liggen.");
        assertThat(page.getByLabel("Eindigt")).hasAttribute("aria-invalid", "true");
        assertThat(Site.seriousViolations(page)).isEmpty();
        page.getByLabel("Eindigt").fill(start.plusHours(2).format(LOCAL));
        page.locator("#save-event").click();

        page.waitForURL(Pattern.compile(Pattern.quote(platform.siteUrl()) + "/agenda/[0-9a-f-]{36}"));
        page.waitForSelector("body[data-ready=true]");
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);
        assertThat(page.locator(".event-header")).containsText("Concept");
        page.locator("#publish-event").click();
        assertThat(page.locator("#register-form")).isVisible();

        try (BrowserContext member = context()) {
            Page joris = Site.open(Site.signIn(member, platform, "joris"), platform, "/agenda/" + id);
            joris.getByLabel("Welke opleiding geef je?").fill("Logistiek niveau 3");
            joris.locator("#register").click();
            assertThat(joris.locator("#registration")).hasAttribute("data-status", "confirmed");
        }

        Site.open(page, platform, "/organiseren/" + id + "/deelnemers");
        assertThat(page.locator("table.attendees tbody tr")).hasCount(1);
        assertThat(page.locator("table.attendees")).containsText("Joris Bakker");
        assertThat(page.locator("table.attendees")).containsText("Logistiek niveau 3");
        assertThat(Site.seriousViolations(page)).isEmpty();
        page.getByLabel("Joris Bakker is aanwezig").check();
        assertThat(page.locator("#checked-in-count")).hasText("1 aanwezig");

        Download csv = page.waitForDownload(() -> page.locator("#export-csv").click());
        String rows = Files.readString(csv.path(), StandardCharsets.UTF_8);
        assertThat(rows).startsWith("\uFEFFNaam;Status;");
        assertThat(rows).contains("Joris Bakker;aangemeld;").contains(";ja;Logistiek niveau 3");
    }

    /** An event for one group: its organiser picks the group in the form; its members see it, others do not. */
    @Test
    void anEventForTheMembersOfOneGroupIsSeenByThemAlone() {
        String title = "Lesmateriaal techniek delen " + suffix();
        LocalDateTime start = LocalDateTime.now(AMSTERDAM).plusWeeks(2).truncatedTo(ChronoUnit.HOURS);
        Page page = editor.newPage();
        Site.open(page, platform, "/organiseren");
        page.locator("#new-event").click();
        page.waitForSelector("#event-form");
        page.getByLabel("Titel").fill(title);
        page.getByLabel("Begint").fill(start.format(LOCAL));
        page.getByLabel("Eindigt").fill(start.plusHours(2).format(LOCAL));
        page.getByLabel("Online", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Platform").fill("Microsoft Teams");
        page.getByLabel("Alleen genodigden").check();
        page.getByLabel("Docenten techniek Noord").check();
        assertThat(Site.seriousViolations(page)).isEmpty();
        page.locator("#save-event").click();
        page.waitForURL(Pattern.compile(Pattern.quote(platform.siteUrl()) + "/agenda/[0-9a-f-]{36}"));
        page.waitForSelector("body[data-ready=true]");
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);
        page.locator("#publish-event").click();
        assertThat(page.locator(".event-header")).not().containsText("Concept");

        try (BrowserContext joris = context(); BrowserContext sanne = context()) {
            Page inGroup = Site.open(Site.signIn(joris, platform, "joris"), platform, "/agenda/" + id);
            assertThat(inGroup.locator("h1")).hasText(title);
            Page notInGroup = Site.open(Site.signIn(sanne, platform, "sanne"), platform, "/agenda/" + id);
            assertThat(notInGroup.locator("h1")).not().hasText(title);
        }
    }

    /** Presses Tab until the element with this id has the focus, as someone without a mouse does. */
    private static void tabUntil(Page page, String id) {
        for (int i = 0; i < 60; i++) {
            page.keyboard().press("Tab");
            if (id.equals(page.evaluate("() => document.activeElement && document.activeElement.id"))) {
                return;
            }
        }
        throw new AssertionError("#" + id + " is not reachable with the Tab key");
    }

    /** Under the site's real content-security policy, with axe-core beside it. */
    private BrowserContext context() {
        return Site.withAxe(browser.newContext(new NewContextOptions().setLocale("nl-NL")
                .setTimezoneId("Europe/Amsterdam").setAcceptDownloads(true)));
    }

    private BrowserContext phone() {
        return Site.withAxe(browser.newContext(new NewContextOptions().setLocale("nl-NL")
                .setTimezoneId("Europe/Amsterdam").setViewportSize(360, 740).setIsMobile(true).setHasTouch(true)));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> onSite() {
        return Map.of("mode", "onsite", "venue", "Vakcollege De Rivier", "address", "Dijkweg 4, 4001 AB Tiel",
                "city", "Tiel", "region", "Midden");
    }

    private static Map<String, Object> slot(LocalDateTime start, LocalDateTime end, String title, String speaker) {
        Map<String, Object> slot = new LinkedHashMap<>();
        slot.put("start", start.format(LOCAL));
        slot.put("end", end.format(LOCAL));
        slot.put("title", title);
        slot.put("speaker", speaker);
        return slot;
    }

    private static Map<String, Object> event(String kind, String title, LocalDateTime start, LocalDateTime end,
            int capacity, Map<String, Object> location, List<Map<String, Object>> programme) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kind", kind);
        event.put("title", title);
        event.put("description", "Een bijeenkomst uit de browsertest.");
        event.put("organisations", List.of("MBO Connect"));
        event.put("themes", List.of("Examinering"));
        event.put("start", start.format(LOCAL));
        event.put("end", end.format(LOCAL));
        event.put("location", location);
        event.put("programme", programme);
        event.put("visibility", Map.of("level", "public"));
        event.put("capacity", capacity);
        event.put("waitlist", Map.of("promotion", "automatic"));
        return event;
    }
}

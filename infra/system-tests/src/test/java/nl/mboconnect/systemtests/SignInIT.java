package nl.mboconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import nl.mboconnect.local.LocalPlatform;
import nl.mboconnect.platform.testing.KeycloakAdmin;

/**
 * A member signs in on the site, through Keycloak's own page, and the news of their first sign-in
 * travels from membership-service through Kafka to the three other services.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInIT {

    private static final List<String> DIRECTORIES = List.of("knowledge", "events", "polls");

    LocalPlatform platform;
    KeycloakAdmin keycloak;
    Playwright playwright;
    com.microsoft.playwright.Browser browser;
    MongoClient mongo;

    @BeforeAll
    void start() {
        platform = RunningPlatform.get();
        keycloak = new KeycloakAdmin(platform.keycloakUrl());
        playwright = Browser.playwright();
        browser = Browser.chromium(playwright);
        mongo = MongoClients.create(platform.mongoUri("admin"));
    }

    @AfterAll
    void stop() {
        mongo.close();
        playwright.close();
    }

    @Test
    void aMemberSignsInOnKeycloaksDutchPageAndEveryServiceKnowsThemWithinFiveSeconds() {
        try (BrowserContext context = browser.newContext(new NewContextOptions().setLocale("nl-NL"))) {
            Page page = context.newPage();
            page.navigate(platform.siteUrl());
            assertThat(page.locator("#login")).hasText("Inloggen");

            page.locator("#login").click();
            page.waitForURL(Pattern.compile(Pattern.quote(keycloak.issuer()) + ".*"));
            assertThat(page.locator("html")).hasAttribute("lang", "nl");
            page.locator("#username").fill("joris");
            page.locator("#password").fill("mboconnect");
            page.locator("#kc-login").click();

            page.waitForURL(platform.siteUrl() + "/**");
            assertThat(page.locator("#member-name")).hasText("Joris Bakker");
            assertThat(page.locator("#welcome-title")).hasText("Welkom, Joris Bakker");
            assertThat(page.locator("#membership")).containsText("lid van de vereniging");
            // the home page is for people: joris's next registrations (the demo registered him)
            assertThat(page.locator("#mine-list li").first()).isVisible();
            assertThat(page.locator("#logout button")).hasText("Uitloggen");

            // the member's own profile, through the gateway, with nothing but the session cookie
            var me = context.request().get(platform.siteUrl() + "/api/membership/members/me");
            assertThat(me.status()).isEqualTo(200);
            String memberId = KeycloakAdmin.JSON.readTree(me.text()).get("id").asString();

            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> DIRECTORIES.stream().allMatch(service -> "Joris Bakker".equals(nameIn(service, memberId))));
            // and each service tells members the same, through the gateway
            for (String service : DIRECTORIES) {
                var entry = context.request().get(platform.siteUrl() + "/api/" + service + "/members/" + memberId);
                assertThat(entry.status()).as(service).isEqualTo(200);
                assertThat(entry.text()).as(service).contains("Joris Bakker");
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/signed-in.png"))
                    .setFullPage(true));

            // tokens stay at the gateway: the browser holds an HttpOnly session cookie and the XSRF token
            List<Cookie> cookies = context.cookies(platform.siteUrl());
            assertThat(cookies).extracting(cookie -> cookie.name).contains("MBO_SESSION", "XSRF-TOKEN");
            assertThat(cookies).filteredOn(cookie -> cookie.name.equals("MBO_SESSION"))
                    .allSatisfy(cookie -> assertThat(cookie.httpOnly).isTrue());
            assertThat(cookies).noneMatch(cookie -> cookie.value.startsWith("eyJ"));
            assertThat((String) page.evaluate("() => document.cookie")).doesNotContain("MBO_SESSION");
        }
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        try (BrowserContext context = browser.newContext(new NewContextOptions().setLocale("nl-NL"))) {
            Page page = signIn(context, "sanne");
            assertThat(page.locator("#member-name")).hasText("Sanne de Vries");

            page.locator("#logout button").click();
            page.waitForURL(platform.siteUrl() + "/");
            assertThat(page.locator("#login")).isVisible();
            assertThat(page.locator("#signed-in")).isHidden();
            assertThat(context.request().get(platform.siteUrl() + "/api/membership/members/me").status()).isEqualTo(401);

            // Keycloak asks for the password again instead of signing the browser straight back in
            page.locator("#login").click();
            page.waitForURL(Pattern.compile(Pattern.quote(keycloak.issuer()) + ".*"));
            assertThat(page.locator("#username")).isVisible();
        }
    }

    @Test
    void aNameChangedInKeycloakReachesEveryServiceAtTheNextSignIn() {
        String memberId;
        try (BrowserContext context = browser.newContext(new NewContextOptions().setLocale("nl-NL"))) {
            Page page = signIn(context, "noor");
            assertThat(page.locator("#member-name")).hasText("Noor El Amrani");
            memberId = KeycloakAdmin.JSON.readTree(context.request().get(platform.siteUrl() + "/api/membership/members/me")
                    .text()).get("id").asString();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> DIRECTORIES.stream().allMatch(s -> "Noor El Amrani".equals(nameIn(s, memberId))));
        }

        keycloak.rename("noor", "Nora");

        try (BrowserContext context = browser.newContext(new NewContextOptions().setLocale("nl-NL"))) {
            Page page = signIn(context, "noor");
            assertThat(page.locator("#member-name")).hasText("Nora El Amrani");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> DIRECTORIES.stream().allMatch(s -> "Nora El Amrani".equals(nameIn(s, memberId))));
        }
    }

    @Test
    void theSiteSpeaksEnglishWhenAskedRemembersItAndKeycloakFollows() {
        try (BrowserContext context = browser.newContext(new NewContextOptions().setLocale("nl-NL"))) {
            Page page = context.newPage();
            page.navigate(platform.siteUrl());
            page.locator("button[data-lang=en]").click();
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("#login")).hasText("Log in");
            assertThat(page.locator("button[data-lang=en]")).hasAttribute("aria-pressed", "true");
            assertThat(page.locator(".site-footer a[href='/privacy']")).hasText("Privacy statement");

            // the choice outlives the page: another page, in English from the start
            Site.open(page, platform, "/agenda");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("#login")).hasText("Log in");

            page.locator("#login").click();
            page.waitForURL(Pattern.compile(Pattern.quote(keycloak.issuer()) + ".*"));
            assertThat(page.locator("html")).hasAttribute("lang", "en");
        }
    }

    @Test
    void aBrowserThatSpeaksEnglishStillGetsTheDutchSiteAndKeycloakInDutch() {
        try (BrowserContext context = browser.newContext(new NewContextOptions().setLocale("en-GB"))) {
            Page page = context.newPage();
            page.navigate(platform.siteUrl());
            page.waitForSelector("body[data-ready=true]");
            assertThat(page.locator("html")).hasAttribute("lang", "nl");
            assertThat(page.locator("#login")).hasText("Inloggen");
            assertThat(page.locator("button[data-lang=nl]")).hasAttribute("aria-pressed", "true");

            // every page's footer leads to the statements a Dutch public site owes its visitors
            page.locator(".site-footer a[href='/toegankelijkheid']").click();
            page.waitForURL(platform.siteUrl() + "/toegankelijkheid");
            assertThat(page).hasTitle(Pattern.compile("^Toegankelijkheid"));
            assertThat(page.locator("h1")).isVisible();
            page.locator(".site-footer a[href='/bel-mij-terug']").click();
            page.waitForURL(platform.siteUrl() + "/bel-mij-terug");
            assertThat(page.locator("h1")).hasText("Bel mij terug");
            page.navigate(platform.siteUrl());

            page.locator("#login").click();
            page.waitForURL(Pattern.compile(Pattern.quote(keycloak.issuer()) + ".*"));
            assertThat(page.locator("html")).hasAttribute("lang", "nl");
        }
    }

    @Test
    void aMemberWhoOpensTheSiteAs127001IsSentToTheSitesAddressAndSignsIn() {
        String elsewhere = platform.siteUrl().replace("localhost", "127.0.0.1");
        try (BrowserContext context = browser.newContext(new NewContextOptions().setLocale("nl-NL"))) {
            Page page = context.newPage();
            page.navigate(elsewhere + "/agenda");
            assertThat(page).hasURL(platform.siteUrl() + "/agenda");
            page.waitForSelector("body[data-ready=true]");

            page.locator("#login").click();
            page.waitForURL(Pattern.compile(Pattern.quote(keycloak.issuer()) + ".*"));
            assertThat(page.locator("#username")).isVisible();
            page.locator("#username").fill("sanne");
            page.locator("#password").fill("mboconnect");
            page.locator("#kc-login").click();
            page.waitForURL(platform.siteUrl() + "/**");
            assertThat(page.locator("#member-name")).hasText("Sanne de Vries");
        }
    }

    private Page signIn(BrowserContext context, String username) {
        return Site.signIn(context, platform, username);
    }

    /** The display name a service's own database holds for the member, or null. */
    private String nameIn(String service, String memberId) {
        Document entry = mongo.getDatabase(service).getCollection("member_directory")
                .find(Filters.eq("_id", memberId)).first();
        return entry == null ? null : entry.getString("displayName");
    }

}

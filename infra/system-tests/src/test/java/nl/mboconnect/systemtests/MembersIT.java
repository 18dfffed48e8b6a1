package nl.mboconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import nl.mboconnect.local.LocalPlatform;
import nl.mboconnect.platform.testing.KeycloakAdmin;
import nl.mboconnect.platform.testing.StoredText;

/**
 * Profiles and the member directory in headless Chromium against the whole platform: a member
 * writes their profile, chooses who sees what and adds a photo; a friend and a member of the
 * association find them and see each what they were shown. Every page visited is checked with axe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembersIT {

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
    void aMemberWritesTheirProfileAndOthersFindThemAndSeeWhatTheyChose() throws IOException {
        String bio = "Docent verpleegkunde, bezig met stages in de wijk " + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext sanne = context(); BrowserContext pieter = context(); BrowserContext joris = context()) {
            Page page = Site.open(Site.signIn(sanne, platform, "sanne"), platform, "/mijn-profiel");
            assertThat(page.locator("h1")).hasText("Mijn profiel");
            assertThat(Site.seriousViolations(page)).isEmpty();

            // a photo that is no image is refused next to its field; a real one is taken
            page.locator("#photo-file").setInputFiles(new FilePayload("foto.png", "image/png",
                    "geen foto".getBytes(StandardCharsets.UTF_8)));
            page.locator("#upload-photo").click();
            assertThat(page.locator("#photo-form .field-error")).containsText("Dit is geen JPEG-, PNG- of GIF-afbeelding.");
            page.locator("#photo-file").setInputFiles(new FilePayload("foto.png", "image/png", png(900, 600)));
            page.locator("#upload-photo").click();
            assertThat(page.locator("#notice")).containsText("Je foto is geplaatst.");
            assertThat(page.locator("#photo-form img.avatar")).isVisible();

            page.getByLabel("Functie", new Page.GetByLabelOptions().setExact(true)).selectOption("INSTRUCTEUR");
            page.getByLabel("Provincie", new Page.GetByLabelOptions().setExact(true)).selectOption("ZEELAND");
            page.getByLabel("Wie ziet: Provincie").selectOption("LEDEN");
            page.getByLabel("Over mij", new Page.GetByLabelOptions().setExact(true)).fill(bio);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Profiel opslaan")).click();
            assertThat(page.locator("#notice")).containsText("Je profiel is opgeslagen.");
            assertThat(Site.seriousViolations(page)).isEmpty();

            // a friend (vriend, not lid) finds her by name, sees her bio and photo but not her province
            Page friend = Site.open(Site.signIn(pieter, platform, "pieter"), platform, "/leden?q=Sanne+de+Vries");
            assertThat(Site.seriousViolations(friend)).isEmpty();
            friend.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sanne de Vries")).click();
            friend.waitForURL("**/leden/*");
            friend.waitForSelector("body[data-ready=true]");
            assertThat(friend.locator("h1")).hasText("Sanne de Vries");
            assertThat(friend.locator(".bio")).hasText(bio);
            assertThat(friend.locator(".lead")).containsText("Instructeur");
            assertThat(friend.locator(".lead")).not().containsText("Zeeland");
            assertThat(friend.locator("img.avatar")).isVisible();
            assertThat(Site.seriousViolations(friend)).isEmpty();
            Page friendSearch = Site.open(friend, platform, "/leden?q=Sanne+de+Vries&region=ZEELAND");
            assertThat(friendSearch.locator("#members")).hasCount(0);

            // a member of the association finds her by her province too, and sees it
            Page lid = Site.open(Site.signIn(joris, platform, "joris"), platform, "/leden?q=Sanne&region=ZEELAND");
            assertThat(lid.locator("#members .member-card")).hasCount(1);
            assertThat(lid.locator("#members")).containsText("Instructeur");
            assertThat(lid.locator("#members")).containsText("Zeeland");
            assertThat(Site.seriousViolations(lid)).isEmpty();
        }
    }

    @Test
    void theDirectoryHasTheDemoColleaguesAPageAtATime() {
        try (BrowserContext noor = context()) {
            Page page = Site.open(Site.signIn(noor, platform, "noor"), platform, "/leden");
            assertThat(page.locator("#members .member-card")).not().hasCount(0);
            page.getByLabel("Provincie").selectOption("NOORD_BRABANT");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken")).click();
            page.waitForSelector("body[data-ready=true]");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*region=NOORD_BRABANT.*"));
            assertThat(page.locator("#members")).containsText("Kempen College");
            assertThat(page.locator("#members")).not().containsText("Zeeland");
            assertThat(Site.seriousViolations(page)).isEmpty();
        }
    }

    @Test
    void aFriendWhoseApplicationABeheerderApprovesHasWhatLedenHaveWithoutSigningInAgain() {
        String username = "fenna-" + UUID.randomUUID().toString().substring(0, 8);
        new KeycloakAdmin(platform.keycloakUrl()).addMembers(List.of(username), Site.PASSWORD, List.of("vriend"));
        String forLeden = "/agenda/" + SitePage.demoEventId("ledenbijeenkomst-je-stem-gebruiken");
        try (BrowserContext fenna = context(); BrowserContext pieter = context()) {
            Page page = Site.open(Site.signIn(fenna, platform, username), platform, forLeden);
            assertThat(page.locator("h1")).not().containsText("je stem gebruiken");

            Site.open(page, platform, "/lid-worden");
            assertThat(page.locator("h1")).hasText("Lid worden");
            assertThat(page.locator("#standing")).hasAttribute("data-status", "VRIEND");
            assertThat(Site.seriousViolations(page)).isEmpty();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanvraag versturen")).click();
            assertThat(page.locator("#application-form .error-summary")).isVisible(); // the motivation is required
            page.getByLabel("Waarom wil je lid worden?").fill("Ik wil meebeslissen over de koers van de vereniging.");
            page.locator("#application-form input[name=organisation]").fill("Techniek College Noord");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanvraag versturen")).click();
            assertThat(page.locator("#notice")).containsText("Je aanvraag is verstuurd.");
            assertThat(page.locator("#standing")).hasAttribute("data-status", "APPLIED");
            assertThat(Site.seriousViolations(page)).isEmpty();

            // the beheerder, in a browser of their own, approves it
            Page admin = Site.open(Site.signIn(pieter, platform, "pieter"), platform, "/beheer/aanvragen");
            assertThat(admin.locator("h1")).hasText("Aanvragen lidmaatschap");
            assertThat(Site.seriousViolations(admin)).isEmpty();
            var application = admin.locator("li.application").filter(new Locator.FilterOptions()
                    .setHasText("Lid " + username));
            assertThat(application).containsText("meebeslissen over de koers");
            application.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Goedkeuren")).click();
            // Keycloak slow under load (CI) leaves it "wordt verwerkt" until the sync (every 10 s) gets through
            assertThat(admin.locator("#notice")).containsText(java.util.regex.Pattern.compile(
                    "Lid " + username + " (is nu lid|wordt verwerkt)\\."));
            assertThat(admin.locator("li.application").filter(new Locator.FilterOptions()
                    .setHasText("Lid " + username))).hasCount(0);

            // the applicant, still signed in with the session of before, has what leden have
            Site.open(page, platform, "/lid-worden");
            for (int attempt = 0; attempt < 12 && !"LID".equals(page.locator("#standing").getAttribute("data-status")); attempt++) {
                page.waitForTimeout(5_000); // the sync's next round, when Keycloak was slow
                Site.open(page, platform, "/lid-worden");
            }
            assertThat(page.locator("#standing")).hasAttribute("data-status", "LID");
            assertThat(page.locator("#standing")).containsText("Je bent lid van de vereniging.");
            assertThat(page.locator("nav.main-nav a[href='/lid-worden']")).hasCount(0);
            assertThat(page.locator("main")).containsText("Aanvraag goedgekeurd");
            Site.open(page, platform, forLeden);
            assertThat(page.locator("h1")).containsText("je stem gebruiken");
            assertThat(Site.seriousViolations(page)).isEmpty();
        }
    }

    @Test
    void aMemberAsksToJoinAClosedGroupItsOwnerLetsThemInAndTheyMakeAGroupOfTheirOwn() {
        String username = "mila-" + UUID.randomUUID().toString().substring(0, 8);
        new KeycloakAdmin(platform.keycloakUrl()).addMembers(List.of(username), Site.PASSWORD, List.of("vriend"));
        String closed = "/groepen/6d626f63-0000-4000-8000-000000000202"; // "Praktijkopleiders in de zorg", Noor's
        try (BrowserContext mila = context(); BrowserContext noor = context()) {
            Page page = Site.open(Site.signIn(mila, platform, username), platform, "/groepen");
            assertThat(page.locator("h1")).hasText("Groepen");
            assertThat(page.locator("#groups")).containsText("Praktijkopleiders in de zorg");
            assertThat(page.locator("#groups")).not().containsText("Werkgroep jaarcongres"); // secret
            assertThat(Site.seriousViolations(page)).isEmpty();

            Site.open(page, platform, closed);
            assertThat(page.locator("h1")).hasText("Praktijkopleiders in de zorg");
            assertThat(page.locator("#standing")).hasAttribute("data-status", "NONE");
            assertThat(page.locator("main")).containsText("Alleen deelnemers zien wie er in deze groep zitten.");
            page.locator("#request-form textarea[name=message]").fill("Ik begeleid bbl-studenten in de thuiszorg.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toegang vragen")).click();
            assertThat(page.locator("#notice")).containsText("Je verzoek is verstuurd naar de moderatoren.");
            assertThat(page.locator("#standing")).hasAttribute("data-status", "REQUESTED");
            assertThat(Site.seriousViolations(page)).isEmpty();

            // the owner, in a browser of their own, lets them in
            Page owner = Site.open(Site.signIn(noor, platform, "noor"), platform, closed);
            var request = owner.locator("li.group-request").filter(new Locator.FilterOptions().setHasText("Lid " + username));
            assertThat(request).containsText("bbl-studenten in de thuiszorg");
            assertThat(Site.seriousViolations(owner)).isEmpty();
            request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Toelaten")).click();
            assertThat(owner.locator("#notice")).containsText("Lid " + username + " doet nu mee.");
            assertThat(owner.locator("#group-members")).containsText("Lid " + username);

            Site.open(page, platform, closed);
            assertThat(page.locator("#standing")).hasAttribute("data-status", "MEMBER");
            assertThat(page.locator("#group-members")).containsText("Lid " + username);

            // and makes an open group of their own, of which they are the owner
            String name = "Thuiszorg Twente " + UUID.randomUUID().toString().substring(0, 6);
            Site.open(page, platform, "/groepen");
            page.locator("#group-form input[name=name]").fill(name);
            page.locator("#group-form textarea[name=description]").fill("Voor begeleiders in de wijkverpleging.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Groep maken")).click();
            assertThat(page.locator("h1")).hasText(name);
            assertThat(page.locator("#standing")).containsText("als eigenaar");
            assertThat(Site.seriousViolations(page)).isEmpty();
        }
    }

    @Test
    void aVisitorAsksToBeCalledBackAndABeheerderTakesItOnAndClosesIt() {
        String name = "Wouter Smit " + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext visitor = context(); BrowserContext pieter = context()) {
            Page page = visitor.newPage();
            page.navigate(platform.siteUrl() + "/agenda");
            page.waitForSelector("body[data-ready=true]");
            page.locator("footer").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Bel mij terug")).click();
            page.waitForURL("**/bel-mij-terug");
            page.waitForSelector("body[data-ready=true]");
            assertThat(page.locator("h1")).hasText("Bel mij terug");
            assertThat(Site.seriousViolations(page)).isEmpty();

            page.getByLabel("Je naam").fill(name);
            page.getByLabel("Telefoonnummer").fill("06 1234");
            page.getByLabel("aan het eind van de middag").check();
            page.getByLabel("Waar wil je het over hebben?").fill("Ik wil vriend worden, maar werk bij een opleidingsbedrijf.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bel mij terug")).click();
            assertThat(page.locator("#callback-form .field-error")).containsText("Dit is geen telefoonnummer.");
            assertThat(Site.seriousViolations(page)).isEmpty();
            page.getByLabel("Telefoonnummer").fill("06-38 21 47 91");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bel mij terug")).click();
            assertThat(page.locator("#notice")).containsText("We bellen je terug op 06 38214791, aan het eind van de middag");

            Page queue = Site.open(Site.signIn(pieter, platform, "pieter"), platform, "/beheer/terugbelverzoeken");
            assertThat(queue.locator("h1")).hasText("Terugbelverzoeken");
            assertThat(Site.seriousViolations(queue)).isEmpty();
            Locator request = queue.locator("li.callback").filter(new Locator.FilterOptions().setHasText(name));
            assertThat(request.locator("a[href='tel:+31638214791']")).hasText("06 38214791");
            request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ik bel")).click();
            assertThat(queue.locator("#notice")).containsText("Je hebt het verzoek van " + name + " opgepakt.");
            request = queue.locator("li.callback").filter(new Locator.FilterOptions().setHasText(name));
            assertThat(request).containsText("Opgepakt door Pieter Jansen");
            request.getByLabel("Notitie").fill("Teruggebeld; stuurt haar vraag ook per mail.");
            request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Afhandelen")).click();
            assertThat(queue.locator("#notice")).containsText("Het verzoek van " + name + " is afgehandeld.");
            assertThat(queue.locator("li.callback").filter(new Locator.FilterOptions().setHasText(name))).hasCount(0);

            Site.open(queue, platform, "/beheer/terugbelverzoeken?status=CLOSED");
            request = queue.locator("li.callback").filter(new Locator.FilterOptions().setHasText(name));
            assertThat(request).containsText("Teruggebeld; stuurt haar vraag ook per mail.");
            assertThat(request).containsText("verwijderd na");
            assertThat(Site.seriousViolations(queue)).isEmpty();
        }
    }

    @Test
    void aFloodOfAnonymousCallbackRequestsFromOneAddressIsCutOffAtTheLimitAndNothingElseIsLost() throws Exception {
        // an address of its own (Linux routes 127.0.0.0/8 to the loopback), so its limit is nobody else's
        java.net.CookieManager cookies = new java.net.CookieManager();
        String site = "http://127.0.0.1:" + java.net.URI.create(platform.siteUrl()).getPort();
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .localAddress(java.net.InetAddress.getByName("127.0.0.91")).cookieHandler(cookies).build();
                BrowserContext pieter = context()) {
            Site.signIn(pieter, platform, "pieter");
            long before = Site.call(pieter, platform, "GET", "/api/membership/callbacks?status=OPEN", null).get("total").asLong();
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(site + "/bff/session")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .findFirst().orElseThrow().getValue();
            java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (int i = 0; i < 45; i++) {
                int status = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(site + "/api/membership/callbacks"))
                        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"Spam " + i
                                + "\", \"phone\": \"06 12345678\", \"moment\": \"OCHTEND\", \"topic\": \"Koop nu\"}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                statuses.merge(status, 1, Integer::sum);
            }
            assertThat(statuses.keySet()).containsOnly(201, 429);
            assertThat(statuses.get(201)).isBetween(30, 32); // 30 at once, then one every two seconds
            long after = Site.call(pieter, platform, "GET", "/api/membership/callbacks?status=OPEN", null).get("total").asLong();
            assertThat(after - before).isEqualTo(statuses.get(201).longValue());
            System.out.printf("callback flood from one address: %s%n", statuses);
        }
    }

    /** "Mijn gegevens": the download is one JSON document with a part from each of the four services, none missing. */
    @Test
    void aMemberDownloadsEverythingThePlatformHoldsAboutThem() throws IOException {
        try (BrowserContext joris = context()) {
            Page page = Site.open(Site.signIn(joris, platform, "joris"), platform, "/mijn-profiel");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mijn gegevens downloaden")).click();
            assertThat(page.locator("h1")).hasText("Mijn gegevens");
            assertThat(Site.seriousViolations(page)).isEmpty();

            com.microsoft.playwright.Download download = page.waitForDownload(() -> page
                    .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download mijn gegevens")).click());
            assertThat(download.suggestedFilename()).startsWith("mbo-connect-mijn-gegevens-").endsWith(".json");
            tools.jackson.databind.JsonNode export = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(java.nio.file.Files.readString(download.path()));
            assertThat(export.path("username").asString()).isEqualTo("joris");
            assertThat(export.path("missing")).isEmpty();
            assertThat(export.path("services").propertyNames())
                    .containsExactlyInAnyOrder("membership", "knowledge", "events", "polls");
            assertThat(export.path("services").path("membership").path("parts").path("member").path("account")
                    .path("username").asString()).isEqualTo("joris");
            assertThat(export.path("services").path("events").path("parts").path("member-directory").path(0)
                    .path("displayName").asString()).isEqualTo("Joris Bakker");
        }
    }

    /**
     * "Account verwijderen": a member with a profile, a group of their own, an application, a
     * registration with an answer and a callback request deletes their account on Mijn gegevens,
     * confirming first; they are signed out, Keycloak has no such user, and within a minute no
     * database of the platform (the four services and the gateway's sessions) holds their user id,
     * user name, e-mail address, name or phone number. What they did for others stays: their group,
     * owned by "Voormalig lid".
     */
    @Test
    void aMemberWhoDeletesTheirAccountIsSignedOutAndNoDatabaseHoldsAnythingOfThem() {
        String username = "wisse-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin keycloak = new KeycloakAdmin(platform.keycloakUrl());
        keycloak.addMembers(List.of(username), Site.PASSWORD, List.of("vriend"));
        String userId = keycloak.userId(username);
        String name = "Wies Verwijder " + username.substring(6);
        String phone = "06 4" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        String group = "Wisgroep " + UUID.randomUUID().toString().substring(0, 8); // a name of the group's, not hers
        try (BrowserContext wies = context()) {
            Page page = Site.open(Site.signIn(wies, platform, username), platform, "/mijn-profiel");
            assertThat(send(page, "PUT", "/api/membership/members/me/profile", java.util.Map.of("displayName", name,
                    "bio", "Docent " + name + "."))).isEqualTo(200);
            assertThat(send(page, "POST", "/api/membership/members/me/membership/application",
                    java.util.Map.of("motivation", "Ik ben " + name + ".", "organisation", "ROC " + name))).isEqualTo(201);
            assertThat(send(page, "POST", "/api/membership/callbacks", java.util.Map.of("name", name, "phone", phone,
                    "moment", "OCHTEND", "topic", "Bel " + name + " terug."))).isEqualTo(201);
            assertThat(send(page, "POST", "/api/membership/groups", java.util.Map.of("name", group, "kind", "OPEN")))
                    .isEqualTo(201);
            assertThat(send(page, "POST", "/api/events/events/" + SitePage.demoEventId("webinar-ai-in-de-beroepspraktijk")
                    + "/registration", java.util.Map.of("answers", java.util.Map.of("q1", "Een vraag van " + name))))
                    .isEqualTo(201);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> everything().contains(name)); // in the other services' directories too

            Site.open(page, platform, "/mijn-gegevens");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mijn account verwijderen…")).click();
            assertThat(Site.seriousViolations(page)).isEmpty();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account definitief verwijderen")).click();
            assertThat(page.locator("#erase-form .error-summary")).isVisible(); // the tick comes first
            assertThat(send(page, "GET", "/api/membership/members/me", null)).isEqualTo(200); // nothing happened yet
            page.getByLabel("Ik begrijp dat mijn account en gegevens definitief verdwijnen.").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account definitief verwijderen")).click();
            // "wordt verwijderd" when Keycloak did not answer in time: the erasure then finishes on the event
            assertThat(page.locator("#erase")).containsText(java.util.regex.Pattern.compile("Je account (is|wordt) verwijderd"));

            // signed out, on the home page
            page.waitForURL(platform.siteUrl() + "/", new Page.WaitForURLOptions().setTimeout(20_000));
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inloggen")).first()).isVisible();
        }
        assertThat(keycloak.hasUser(username)).isFalse();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> assertThat(everything())
                .doesNotContain(userId, username, name, phone.replace(" ", "").substring(1)));
        try (BrowserContext noor = context()) {
            Page page = Site.open(Site.signIn(noor, platform, "noor"), platform, "/groepen?q=" + group.replace(' ', '+'));
            assertThat(page.locator("main")).containsText(group);
        }
    }

    /** Calls the gateway from the page, as the site's own scripts do (session cookie, CSRF token); the status. */
    private static int send(Page page, String method, String path, Object body) {
        Object status = page.evaluate("async ([method, path, body]) => {"
                + " const token = document.cookie.match(/(?:^|;\\s*)XSRF-TOKEN=([^;]+)/);"
                + " const response = await fetch(path, { method, credentials: 'same-origin', headers: {"
                + " 'Accept': 'application/json', 'Content-Type': 'application/json',"
                + " 'X-XSRF-TOKEN': token ? decodeURIComponent(token[1]) : '' },"
                + " body: body === null ? undefined : JSON.stringify(body) });"
                + " return response.status; }", java.util.Arrays.asList(method, path, body));
        return ((Number) status).intValue();
    }

    /** Every document in every database of the platform, as text. */
    private String everything() {
        try (com.mongodb.client.MongoClient mongo = com.mongodb.client.MongoClients.create(platform.mongoUri("admin"))) {
            return StoredText.of(Stream.of("membership", "knowledge", "events", "polls", "gateway")
                    .map(mongo::getDatabase).toArray(com.mongodb.client.MongoDatabase[]::new));
        }
    }

    private BrowserContext context() {
        return Site.withAxe(browser.newContext(new NewContextOptions().setLocale("nl-NL")
                .setTimezoneId("Europe/Amsterdam")));
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(11, 79, 108));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(242, 169, 0));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

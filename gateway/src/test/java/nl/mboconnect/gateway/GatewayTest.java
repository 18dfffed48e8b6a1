package nl.mboconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import nl.mboconnect.platform.testing.FreePorts;
import nl.mboconnect.platform.testing.TestInfrastructure;

/**
 * The gateway against stand-in services and a stand-in discovery document, with its sessions in a
 * real MongoDB-wire server and its default cookie settings: routing, what reaches the services, 401
 * instead of redirects, CSRF, security headers, the site's address and language, and operations on
 * their own port. Signing in at the real Keycloak: {@link SignedInSessionsTest} and the system test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class GatewayTest {

    static final int PORT = FreePorts.find();
    static final int MANAGEMENT_PORT = FreePorts.find();
    static final FakeDownstream services;
    static final FakeDownstream keycloak;

    static {
        try {
            services = new FakeDownstream(0, 0, 0, 0);
            keycloak = new FakeDownstream(0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mbo.services.membership", () -> "http://localhost:" + services.port(0));
        registry.add("mbo.services.knowledge", () -> "http://localhost:" + services.port(1));
        registry.add("mbo.services.events", () -> "http://localhost:" + services.port(2));
        registry.add("mbo.services.polls", () -> "http://localhost:" + services.port(3));
        registry.add("mbo.keycloak.url", () -> "http://localhost:" + keycloak.port(0));
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("gateway-test"));
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
        registry.add("mbo.site-url", () -> "http://localhost:" + PORT);
    }

    @AfterAll
    static void stop() {
        services.close();
        keycloak.close();
    }

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void developersFindEveryServicesApiDocumentAtOneAddressAndEachComesFromItsService() {
        http.get().uri("/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.documents.length()").isEqualTo(4)
                .jsonPath("$.documents[?(@.service == 'events')].openapi").isEqualTo("/api/events/openapi")
                .jsonPath("$.documents[?(@.service == 'membership')].openapi").isEqualTo("/api/membership/openapi");
        http.get().uri("/api/events/openapi").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("service-" + services.port(2))
                .jsonPath("$.path").isEqualTo("/api/events/openapi");
    }

    @Test
    void eachServiceGetsItsOwnPathUnchanged() {
        Map<String, Integer> routes = Map.of("/api/membership/members/42", 0, "/api/knowledge/items", 1,
                "/api/events/agenda", 2, "/api/polls/open", 3);
        routes.forEach((path, service) -> http.get().uri(path + "?page=2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("service-" + services.port(service))
                .jsonPath("$.path").isEqualTo(path)
                .jsonPath("$.query").isEqualTo("page=2"));
    }

    @Test
    void anAnonymousCallReachesTheServiceWithoutATokenAndAPartnersOwnTokenPassesUnchanged() {
        http.get().uri("/api/events/agenda").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.authorization").doesNotExist();
        http.get().uri("/api/events/agenda").header(HttpHeaders.AUTHORIZATION, "Bearer partner-token").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.authorization").isEqualTo("Bearer partner-token");
    }

    @Test
    void anApiCallWithoutASessionMakesNoSessionAndNoCsrfCookieWhileAPageGetsItsToken() {
        http.get().uri("/api/events/agenda").exchange()
                .expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        http.post().uri("/api/events/feed").header(HttpHeaders.AUTHORIZATION, "Bearer partner-token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        http.get().uri("/").exchange()
                .expectStatus().isOk().expectHeader().valueMatches(HttpHeaders.SET_COOKIE, "XSRF-TOKEN=.*");
    }

    @Test
    void theBrowsersCookiesStayAtTheGateway() {
        http.get().uri("/api/membership/members/me").cookie("MBO_SESSION", "abc").cookie("lang", "nl").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.cookie").doesNotExist();
    }

    @Test
    void aServicesRefusalReachesTheBrowserAs401NeverAsARedirect() {
        http.get().uri("/api/membership/secret")
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE).header("Sec-Fetch-Mode", "navigate")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void aWriteWithoutTheCsrfTokenIsRefusedWithAProblemForScriptsAndADutchPageForAStaleForm() {
        http.post().uri("/api/polls/votes").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/csrf");

        // "Uitloggen" on a page left open until the session ended: the form's token is stale
        String page = http.post().uri("/logout").header("Sec-Fetch-Mode", "navigate")
                .header(HttpHeaders.ACCEPT, "text/html").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("_csrf=verlopen").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<html lang=\"nl\">", "Dit formulier is verlopen", "Er is niets gewijzigd",
                "href=\"/oauth2/authorization/keycloak\"").doesNotContain("CSRF");
    }

    @Test
    void aWriteWithTheCsrfTokenFromItsCookiePasses() {
        ResponseCookie token = http.get().uri("/").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(token).isNotNull();
        assertThat(token.isHttpOnly()).isFalse();

        http.post().uri("/api/polls/votes").cookie("XSRF-TOKEN", token.getValue())
                .header("X-XSRF-TOKEN", token.getValue()).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.method").isEqualTo("POST");
    }

    @Test
    void aPartnersSystemWritesWithItsOwnTokenWithoutCsrf() {
        http.post().uri("/api/events/feed").header(HttpHeaders.AUTHORIZATION, "Bearer partner-token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : new String[] { "/", "/api/membership/members/me" }) {
            http.get().uri(path).exchange()
                    .expectHeader().valueMatches("Content-Security-Policy",
                            "default-src 'self'; script-src 'self'; .*frame-ancestors 'none'; form-action 'self' http://localhost:"
                                    + keycloak.port(0))
                    .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY");
        }
    }

    @Test
    void theSiteIsDutchFirstAndOffersToSignIn() {
        String page = http.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<html lang=\"nl\">", "Inloggen", "Naar de inhoud", "name=\"viewport\"")
                .doesNotContain("<script>", "style=");
        http.get().uri("/js/app.js").exchange().expectStatus().isOk();
        http.get().uri("/css/site.css").exchange().expectStatus().isOk();
    }

    @Test
    void eachPageHasAReadableAddressThatSurvivesAReload() {
        Map<String, String> pages = Map.of("/agenda", "/js/events/agenda.js", "/contact", "/js/about.js",
                "/privacy", "/js/about.js", "/toegankelijkheid", "/js/about.js",
                "/agenda/3f2a9c1e-0000-4000-8000-000000000001", "/js/events/event.js",
                "/mijn-aanmeldingen", "/js/events/mine.js", "/organiseren", "/js/events/organise.js",
                "/organiseren/nieuw", "/js/events/event-form.js", "/organiseren/abc/bewerken", "/js/events/event-form.js",
                "/organiseren/abc/deelnemers", "/js/events/attendees.js");
        pages.forEach((path, script) -> {
            String page = http.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).as(path).contains("<html lang=\"nl\">", "src=\"" + script + "\"", "Naar de inhoud",
                    "Inloggen");
            http.get().uri(script).exchange().expectStatus().isOk();
        });
        http.get().uri("/agenda/abc/onbekend").exchange().expectStatus().isNotFound();
    }

    @Test
    void anUnknownAddressIsADutchPageInTheSitesShellWithAWayOnAndNeverTheWhitelabelPage() {
        for (String path : List.of("/bestaat-niet", "/agenda/abc/onbekend", "/js/bestaat-niet.js")) {
            String page = http.get().uri(path).header(HttpHeaders.ACCEPT, "text/html").exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).as(path).contains("<html lang=\"nl\">", "name=\"viewport\"", "Naar de inhoud",
                    "<main id=\"inhoud\"", "Deze pagina bestaat niet", "href=\"/\"", "src=\"/js/page.js\"")
                    .doesNotContain("Whitelabel", "timestamp", "aria-busy");
        }
        http.get().uri("/js/page.js").exchange().expectStatus().isOk();
    }

    @Test
    void aSignInThatFailedOrWasCancelledEndsOnAPageThatSaysSoAndOffersToTryAgain() {
        String page = http.get().uri("/inloggen-mislukt").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Inloggen is niet gelukt", "href=\"/oauth2/authorization/keycloak\"",
                "Opnieuw inloggen");

        // what Keycloak sends back when the member chose "cancel", or a sign-in that began elsewhere
        http.get().uri("/login/oauth2/code/keycloak?error=access_denied&state=onbekend").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/inloggen-mislukt"));
    }

    @Test
    void whatIsNotThereIs404ProblemJsonForScriptsEvenUnderApi() {
        http.get().uri("/api/bestaat-niet/iets").header(HttpHeaders.ACCEPT, "text/html").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/not-found");
    }

    @Test
    void nobodyIsSignedInWithoutASession() {
        http.get().uri("/bff/session").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.authenticated").isEqualTo(false).jsonPath("$.roles").isEmpty();
    }

    @Test
    void signingInStartsAtKeycloakWithPkceInTheChosenLanguage() {
        URI location = http.get().uri("/oauth2/authorization/keycloak?lang=en").exchange()
                .expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation();

        var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(location.toString()).startsWith("http://localhost:" + keycloak.port(0)
                + "/realms/mbo-connect/protocol/openid-connect/auth");
        assertThat(query.getFirst("client_id")).isEqualTo("gateway");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("ui_locales")).isEqualTo("en");
        assertThat(query.getFirst("redirect_uri")).isEqualTo("http://localhost:" + port + "/login/oauth2/code/keycloak");
    }

    @Test
    void operationsAnswerOnTheManagementPortAndNotOnTheSitesPort() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + MANAGEMENT_PORT).build();
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/").exchange().expectStatus().isOk();
        String metrics = management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("application=\"gateway\"")
                // each request observed, but not each filter of the security chain (their cost: BENCHMARKS.md)
                .contains("http_server_requests_seconds_count").doesNotContain("spring_security_");

        http.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isNotFound();
        http.get().uri("/actuator").exchange().expectStatus().isNotFound();
    }

    @Test
    void aPageAskedForUnderAnotherHostNameIsSentOnceToTheSitesAddress() {
        URI elsewhere = URI.create("http://127.0.0.1:" + PORT + "/agenda?weergave=maand&maand=2027-01");
        URI location = http.get().uri(elsewhere).header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE).exchange()
                .expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location).isEqualTo(URI.create("http://localhost:" + PORT + "/agenda?weergave=maand&maand=2027-01"));
        http.get().uri(location).exchange().expectStatus().isOk();

        // signing in too, before any session exists, so Keycloak's way back and the cookie agree
        URI login = http.get().uri(URI.create("http://127.0.0.1:" + PORT + "/oauth2/authorization/keycloak?lang=en"))
                .exchange().expectStatus().isFound()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(login).isEqualTo(URI.create("http://localhost:" + PORT + "/oauth2/authorization/keycloak?lang=en"));
        http.head().uri(URI.create("http://127.0.0.1:" + PORT + "/")).exchange().expectStatus().isFound()
                .expectHeader().location("http://localhost:" + PORT + "/");
    }

    @Test
    void apiCallsWritesAndTheSessionEndpointAnswerUnderAnyHostName() {
        String elsewhere = "http://127.0.0.1:" + PORT;
        http.get().uri(URI.create(elsewhere + "/api/events/agenda")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/events/agenda");
        http.get().uri(URI.create(elsewhere + "/bff/session")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.authenticated").isEqualTo(false);
        http.post().uri(URI.create(elsewhere + "/api/events/feed")).header(HttpHeaders.AUTHORIZATION, "Bearer partner")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void keycloakSendsMembersBackToTheSitesAddressWhicheverAddressStartedTheLogin() {
        URI location = http.get().uri("/oauth2/authorization/keycloak").header(HttpHeaders.HOST, "LOCALHOST:" + PORT)
                .exchange().expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location.getHost()).isEqualTo("localhost");
        assertThat(UriComponentsBuilder.fromUri(location).build().getQueryParams().getFirst("redirect_uri"))
                .isEqualTo("http://localhost:" + PORT + "/login/oauth2/code/keycloak");
    }

    @Test
    void keycloakSpeaksDutchWhateverTheBrowserSpeaksUnlessEnglishWasChosen() {
        assertThat(uiLocales(http.get().uri("/oauth2/authorization/keycloak")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9"))).isEqualTo("nl");
        assertThat(uiLocales(http.get().uri("/oauth2/authorization/keycloak")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9").cookie("lang", "en"))).isEqualTo("en");
        assertThat(uiLocales(http.get().uri("/oauth2/authorization/keycloak")
                .cookie("lang", "fr"))).isEqualTo("nl");
    }

    private static String uiLocales(WebTestClient.RequestHeadersSpec<?> login) {
        URI location = login.exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders()
                .getLocation();
        return UriComponentsBuilder.fromUri(location).build().getQueryParams().getFirst("ui_locales");
    }

    @Test
    void theChosenLanguageIsRememberedInACookieAsSecureAsTheSession() {
        ResponseCookie token = xsrfToken();
        ResponseCookie language = http.put().uri("/bff/language").cookie("XSRF-TOKEN", token.getValue())
                .header("X-XSRF-TOKEN", token.getValue()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"language\":\"en\"}").exchange()
                .expectStatus().isNoContent()
                .returnResult(Void.class).getResponseCookies().getFirst("lang");
        assertThat(language).isNotNull();
        assertThat(language.getValue()).isEqualTo("en");
        assertThat(language.isSecure()).isTrue();
        assertThat(language.isHttpOnly()).isFalse(); // the page reads it
        assertThat(language.getSameSite()).isEqualTo("Lax");
        assertThat(language.getPath()).isEqualTo("/");
        assertThat(language.getMaxAge()).isEqualTo(java.time.Duration.ofDays(365));
    }

    @Test
    void aLanguageChoiceTheGatewayCannotReadIsAProblemNeverAnError() {
        ResponseCookie token = xsrfToken();
        Map<String, Integer> bodies = Map.of("{\"language\":\"de\"}", 400, "{}", 400, "null", 400, "{", 400,
                "[1,2]", 400);
        bodies.forEach((body, status) -> http.put().uri("/bff/language").cookie("XSRF-TOKEN", token.getValue())
                .header("X-XSRF-TOKEN", token.getValue()).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().jsonPath("$.type").value(type -> assertThat((String) type)
                        .as(body).startsWith("https://mboconnect.nl/problems/")));
        http.put().uri("/bff/language").cookie("XSRF-TOKEN", token.getValue())
                .header("X-XSRF-TOKEN", token.getValue()).contentType(MediaType.TEXT_PLAIN).bodyValue("en")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theSitesCookiesAreSecureByDefault() {
        ResponseCookie session = http.get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().isFound()
                .returnResult(Void.class).getResponseCookies().getFirst("MBO_SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(xsrfToken().isSecure()).isTrue();
    }

    private ResponseCookie xsrfToken() {
        ResponseCookie token = http.get().uri("/").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(token).isNotNull();
        return token;
    }
}

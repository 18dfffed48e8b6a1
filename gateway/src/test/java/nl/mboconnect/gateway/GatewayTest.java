package nl.mboconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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

/**
 * The gateway against stand-in services and a stand-in discovery document: routing, what reaches
 * the services, 401 instead of redirects, CSRF, security headers and the site. Signing in at the
 * real Keycloak is covered by the system test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayTest {

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
    void aWriteWithoutTheCsrfTokenIsRefused() {
        http.post().uri("/api/polls/votes").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden();
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
        Map<String, String> pages = Map.of("/agenda", "/js/events/agenda.js",
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
    void operationsEndpointsAnswerWithoutASession() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}

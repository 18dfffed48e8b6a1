package nl.mboconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import nl.mboconnect.gateway.testsupport.Ports;
import nl.mboconnect.platform.testing.TestInfrastructure;

/** The services away: the site still opens, a script hears 503 with when to try again, a person a Dutch page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceAwayTest {

    @DynamicPropertySource
    static void nothingAnswers(DynamicPropertyRegistry registry) {
        for (String service : new String[] { "membership", "knowledge", "events", "polls" }) {
            int closed = Ports.closed();
            registry.add("mbo.services." + service, () -> "http://localhost:" + closed);
        }
        int keycloak = Ports.closed();
        registry.add("mbo.keycloak.url", () -> "http://localhost:" + keycloak);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("gateway-service-away-test"));
        registry.add("management.server.port", () -> 0);
    }

    @LocalServerPort
    int port;

    @Test
    void aServiceThatDoesNotAnswerIs503ProblemJsonForScriptsWhileTheSiteStillOpens() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

        http.get().uri("/api/events/agenda").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/unavailable");
        http.get().uri("/agenda").exchange().expectStatus().isOk();
    }

    @Test
    void signingInWhileKeycloakIsAwayShowsAPersonADutchPageThatSaysSo() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

        String page = http.get().uri("/oauth2/authorization/keycloak").header(HttpHeaders.ACCEPT, "text/html")
                .header("Sec-Fetch-Mode", "navigate").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<html lang=\"nl\">", "Even niet beschikbaar", "<main id=\"inhoud\"");
    }
}

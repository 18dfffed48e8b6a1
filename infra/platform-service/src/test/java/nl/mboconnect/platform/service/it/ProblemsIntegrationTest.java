package nl.mboconnect.platform.events.it;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestTokens;

/** Every error a service gives is problem+json with a stable type, and never a stack trace. */
@ServiceTest
class ProblemsIntegrationTest {

    private static final String BASE = "https://mboconnect.nl/problems/";

    @LocalServerPort
    int port;

    RestTestClient http;
    String member = TestTokens.member("sanne", "vriend").bearer();

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE).build();
    }

    @Test
    void invalidFieldsAreNamedWithACodeAndTheirMessage() {
        http.post().uri("/api/parcels").header(HttpHeaders.AUTHORIZATION, member)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"id\":\"p1\",\"destination\":\" \",\"weightGrams\":0}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(BASE + "validation")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'destination')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'weightGrams')].code").isEqualTo("min");
    }

    @Test
    void validInputIsTaken() {
        http.post().uri("/api/parcels").header(HttpHeaders.AUTHORIZATION, member)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"id\":\"" + UUID.randomUUID() + "\",\"destination\":\"Ede\",\"weightGrams\":500}").exchange()
                .expectStatus().isCreated();
    }

    @Test
    void unreadableJsonIsABadRequest() {
        http.post().uri("/api/parcels").header(HttpHeaders.AUTHORIZATION, member)
                .contentType(MediaType.APPLICATION_JSON).body("{\"id\": ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(BASE + "bad-request");
    }

    @Test
    void theWrongMediaTypeOrMethodIsNamed() {
        http.post().uri("/api/parcels").header(HttpHeaders.AUTHORIZATION, member)
                .contentType(MediaType.TEXT_PLAIN).body("Ede").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.type").isEqualTo(BASE + "unsupported-media-type");
        http.delete().uri("/api/parcels").header(HttpHeaders.AUTHORIZATION, member).exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.type").isEqualTo(BASE + "method-not-allowed");
    }

    @Test
    void aDomainRuleSaysNoWithItsOwnType() {
        http.post().uri("/api/parcels/p1/return")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.member("pieter", "vriend", "beheerder").bearer())
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(BASE + "parcel-delivered")
                .jsonPath("$.title").isEqualTo("Parcel already delivered");
    }

    @Test
    void aRoleThatIsMissingIs403AndNoTokenIs401() {
        http.post().uri("/api/parcels/p1/return").header(HttpHeaders.AUTHORIZATION, member).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(BASE + "forbidden");
        http.post().uri("/api/parcels/p1/return").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(BASE + "unauthenticated");
    }

    @Test
    void somethingUnexpectedIsA500WithoutItsDetails() {
        http.get().uri("/api/parcels/broken").header(HttpHeaders.AUTHORIZATION, member).exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains(BASE + "internal")
                        .doesNotContain("secret internal detail", "IllegalStateException", "at nl.mboconnect"));
    }
}

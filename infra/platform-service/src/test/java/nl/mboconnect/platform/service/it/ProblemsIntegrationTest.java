package nl.mboconnect.platform.service.it;

import static org.assertj.core.api.Assertions.assertThat;

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
    String administrator = TestTokens.member("pieter", "vriend", "beheerder").bearer();

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE).build();
    }

    @Test
    void invalidFieldsAreNamedWithACodeAndAMessage() {
        http.post().uri("/api/noticeboard/notices").header(HttpHeaders.AUTHORIZATION, member)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\":\" \",\"body\":\"" + "x".repeat(21) + "\",\"days\":0}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(BASE + "validation")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[?(@.field == 'title')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'body')].code").isEqualTo("size")
                .jsonPath("$.errors[?(@.field == 'days')].code").isEqualTo("min")
                .jsonPath("$.errors[?(@.field == 'days')].message").isEqualTo("must be greater than 0");
    }

    @Test
    void validInputIsTaken() {
        http.post().uri("/api/noticeboard/notices").header(HttpHeaders.AUTHORIZATION, member)
                .contentType(MediaType.APPLICATION_JSON).body("{\"title\":\"Werkbezoek\",\"days\":3}").exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.title").isEqualTo("Werkbezoek");
    }

    @Test
    void aConstraintOfAValidatedBeanIsA400ByFieldNotA500() {
        http.get().uri("/api/noticeboard/archive?size=1000").header(HttpHeaders.AUTHORIZATION, member).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(BASE + "validation")
                .jsonPath("$.errors[0].field").isEqualTo("size")
                .jsonPath("$.errors[0].code").isEqualTo("max");
    }

    @Test
    void anInvalidParameterIsNamedLikeAField() {
        http.get().uri("/api/noticeboard/notices?tag=toolong").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(BASE + "validation")
                .jsonPath("$.errors[0].field").isEqualTo("tag")
                .jsonPath("$.errors[0].code").isEqualTo("size");
        http.get().uri("/api/noticeboard/notices?from=morgen").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(BASE + "validation")
                .jsonPath("$.errors[0].field").isEqualTo("from")
                .jsonPath("$.errors[0].code").isEqualTo("invalid");
    }

    @Test
    void unreadableJsonIsABadRequest() {
        http.post().uri("/api/noticeboard/notices").header(HttpHeaders.AUTHORIZATION, member)
                .contentType(MediaType.APPLICATION_JSON).body("{\"title\": ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(BASE + "bad-request");
    }

    @Test
    void theWrongMediaTypeOrMethodIsNamed() {
        http.post().uri("/api/noticeboard/notices").header(HttpHeaders.AUTHORIZATION, member)
                .contentType(MediaType.TEXT_PLAIN).body("Ede").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.type").isEqualTo(BASE + "unsupported-media-type");
        http.delete().uri("/api/noticeboard/notices").header(HttpHeaders.AUTHORIZATION, member).exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.type").isEqualTo(BASE + "method-not-allowed");
    }

    @Test
    void aRefusalOfTheDomainIsAnsweredWithItsOwnCode() {
        http.post().uri("/api/noticeboard/notices/n1/withdraw").header(HttpHeaders.AUTHORIZATION, administrator)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(BASE + "notice-archived")
                .jsonPath("$.title").isEqualTo("Not possible now")
                .jsonPath("$.detail").isEqualTo("notice n1 is archived and cannot be withdrawn");
        http.get().uri("/api/noticeboard/notices/n2").header(HttpHeaders.AUTHORIZATION, member).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(BASE + "not-found");
        http.post().uri("/api/noticeboard/notices/n3/pin")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.member("noor", "vriend", "redacteur").bearer())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(BASE + "validation")
                .jsonPath("$.errors[0].field").isEqualTo("position")
                .jsonPath("$.errors[0].code").isEqualTo("out-of-range");
    }

    @Test
    void notNowSaysWhenToTryAgain() {
        http.get().uri("/api/noticeboard/busy").header(HttpHeaders.AUTHORIZATION, member).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                .expectBody().jsonPath("$.type").isEqualTo(BASE + "busy");
    }

    @Test
    void aRoleThatIsMissingIs403AndNoTokenIs401() {
        http.post().uri("/api/noticeboard/notices/n1/withdraw").header(HttpHeaders.AUTHORIZATION, member).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(BASE + "forbidden");
        http.post().uri("/api/noticeboard/notices/n1/withdraw").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(BASE + "unauthenticated");
    }

    @Test
    void somethingUnexpectedIsA500WithoutItsDetails() {
        http.get().uri("/api/noticeboard/broken").header(HttpHeaders.AUTHORIZATION, member).exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains(BASE + "internal")
                        .doesNotContain("secret internal detail", "IllegalStateException", "at nl.mboconnect"));
    }
}

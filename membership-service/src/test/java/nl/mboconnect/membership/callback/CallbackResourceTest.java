package nl.mboconnect.membership.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestTokens;

/**
 * "Bel mij terug" over HTTP, stored for real: a visitor and a member ask, every kind of bad input
 * is refused by field with nothing stored, a beheerder claims, notes and closes, and 90 days after
 * closing the request is gone. A database of its own, so the counts are this test's.
 */
@ServiceTest
@TestPropertySource(properties = "mbo.test.database=membership-callbacks")
class CallbackResourceTest {

    private static final String CALLBACKS = "/api/membership/callbacks";

    @LocalServerPort
    int port;

    @Autowired
    CallbackCleanup cleanup;

    private RestTestClient http;
    private final TestTokens.Builder pieter = TestTokens.member("pieter-" + UUID.randomUUID(), "vriend", "beheerder")
            .name("Pieter", "Jansen");

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aVisitorAsksAndABeheerderClaimsNotesAndClosesIt() {
        String topic = "Vraag over de regiobijeenkomst " + UUID.randomUUID();
        Map<String, Object> receipt = ask(null, Map.of("name", "Ilse Mulder", "phone", "+31 6 1234 5678",
                "moment", "middag", "topic", topic)).expectStatus().isCreated().returnResult(Map.class).getResponseBody();
        assertThat(receipt).containsEntry("status", "OPEN").containsEntry("phone", "06 12345678")
                .containsEntry("moment", "MIDDAG");
        String id = (String) receipt.get("id");

        admin().get().uri(CALLBACKS).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')].phone.e164").isEqualTo(List.of("+31612345678"));
        assertThat(admin().get().uri(CALLBACKS + "/" + id).exchange().returnResult(Map.class).getResponseBody()
                .get("requesterId")).as("a visitor who was not signed in").isNull();
        admin().post().uri(CALLBACKS + "/" + id + "/claim").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CLAIMED").jsonPath("$.handledBy").isEqualTo("Pieter Jansen");
        admin().post().uri(CALLBACKS + "/" + id + "/notes").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", "Voicemail ingesproken.")).exchange().expectStatus().isOk();
        admin().post().uri(CALLBACKS + "/" + id + "/notes").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", "x".repeat(1001))).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("text").jsonPath("$.errors[0].code").isEqualTo("too-long");
        admin().post().uri(CALLBACKS + "/" + id + "/closing").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", "Teruggebeld.")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.notes[*].text").isEqualTo(List.of("Voicemail ingesproken.", "Teruggebeld."))
                .jsonPath("$.deleteAfter").exists();

        admin().post().uri(CALLBACKS + "/" + id + "/claim").exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/callback-closed");
        admin().get().uri(CALLBACKS).exchange().expectBody().jsonPath("$.items[?(@.id == '" + id + "')]").isEmpty();
        admin().get().uri(CALLBACKS + "?status=CLOSED").exchange().expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')].status").isEqualTo(List.of("CLOSED"));
    }

    @Test
    void aSignedInMembersRequestSaysWhoAsked() {
        var sanne = TestTokens.member("sanne-" + UUID.randomUUID(), "vriend");
        String id = (String) ask(sanne, Map.of("name", "Sanne", "phone", "0201234567", "moment", "OCHTEND",
                "topic", "Lid worden")).expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id");
        admin().get().uri(CALLBACKS + "/" + id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.requesterId").isEqualTo(sanne.subjectId()).jsonPath("$.phone.display").isEqualTo("020 123 4567");
    }

    @Test
    void everyKindOfBadInputIsRefusedByFieldAndNothingIsStored() {
        long before = total();
        ask(null, Map.of("name", "x".repeat(101), "phone", "12345", "moment", "'s nachts", "topic", " "))
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("name", "phone", "moment", "topic"))
                .jsonPath("$.errors[*].code").isEqualTo(List.of("too-long", "invalid-phone", "unknown-value", "required"));
        ask(null, Map.of()).expectStatus().isBadRequest().expectBody().jsonPath("$.errors.length()").isEqualTo(4);
        http.post().uri(CALLBACKS).contentType(MediaType.APPLICATION_JSON).body("{\"name\": \"Ilse\", ").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri(CALLBACKS).contentType(MediaType.APPLICATION_JSON).body("[1, 2]").exchange()
                .expectStatus().isBadRequest();
        http.post().uri(CALLBACKS).contentType(MediaType.TEXT_PLAIN).body("bel me").exchange()
                .expectStatus().isEqualTo(415);
        assertThat(total()).isEqualTo(before);

        admin().get().uri(CALLBACKS + "/no-such-request").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        admin().post().uri(CALLBACKS + "/no-such-request/claim").exchange().expectStatus().isNotFound();
        admin().get().uri(CALLBACKS + "?status=WEG").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("status[0]");
        admin().get().uri(CALLBACKS + "?size=1000").exchange().expectStatus().isBadRequest();
    }

    @Test
    void aClosedRequestIsDeletedNinetyDaysAfterClosingAndAnOpenOneNever() {
        String open = askedId();
        String closed = askedId();
        admin().post().uri(CALLBACKS + "/" + closed + "/closing").exchange().expectStatus().isOk();

        Instant now = Instant.now();
        assertThat(cleanup.cleanUp(now.plus(Duration.ofDays(89)))).isZero();
        admin().get().uri(CALLBACKS + "/" + closed).exchange().expectStatus().isOk();
        assertThat(cleanup.cleanUp(now.plus(Duration.ofDays(91)))).isGreaterThanOrEqualTo(1);
        admin().get().uri(CALLBACKS + "/" + closed).exchange().expectStatus().isNotFound();
        admin().get().uri(CALLBACKS + "/" + open).exchange().expectStatus().isOk();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private RestTestClient.ResponseSpec ask(TestTokens.Builder who, Map<String, String> body) {
        var request = http.post().uri(CALLBACKS).contentType(MediaType.APPLICATION_JSON).body(body);
        if (who != null) {
            request.header(HttpHeaders.AUTHORIZATION, who.bearer());
        }
        return request.exchange();
    }

    private String askedId() {
        return (String) ask(null, Map.of("name", "Ilse", "phone", "06 12345678", "moment", "MAAKT_NIET_UIT",
                "topic", "Vraag")).expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id");
    }

    private RestTestClient admin() {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, pieter.bearer()).build();
    }

    private long total() {
        Map<?, ?> all = admin().get().uri(CALLBACKS + "?status=OPEN&status=CLAIMED&status=CLOSED").exchange()
                .expectStatus().isOk().returnResult(Map.class).getResponseBody();
        return ((Number) all.get("total")).longValue();
    }
}

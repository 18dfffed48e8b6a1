package nl.mboconnect.events.directory;

import static nl.mboconnect.platform.testing.TestEvents.cloudEvent;
import static nl.mboconnect.platform.testing.TestEvents.publish;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestTokens;

/**
 * Members' names reach this service from membership's events, as membership publishes them (the
 * platform's read model does the rest, tested there); members look a name up, editors search them.
 */
@ServiceTest
class MemberDirectoryTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    @LocalServerPort
    int port;

    @Test
    void aMemberIsKnownByTheNewestNameMembersMayLookUpAndOthersMayNot() {
        String id = UUID.randomUUID().toString();
        registered(id, "Noor El Amrani");
        publish(cloudEvent(MemberDirectory.TOPIC, "nl.mboconnect.membership.member.profile-updated.v1", "/membership",
                id, MONDAY.plusSeconds(60), "{\"memberId\":\"" + id + "\",\"displayName\":\"Noor Bakker\",\"updatedAt\":\""
                        + MONDAY.plusSeconds(60) + "\"}"));
        RestTestClient http = http();
        String path = "/api/events/members/" + id;

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.member("m", "vriend").bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.displayName").isEqualTo("Noor Bakker"));
        for (String role : List.of("lid", "redacteur", "beheerder")) {
            http.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.member("m", role).bearer()).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.memberId").isEqualTo(id);
        }
        http.get().uri(path).exchange().expectStatus().isUnauthorized();
        http.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.partner("partner-demo-roc").bearer())
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/events/members/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, TestTokens.member("m", "vriend").bearer()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void editorsFindMembersByPartOfTheirNameInAnyCaseAndOthersMayNotSearch() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        registered(first, "Fatma Yilmaz-" + unique);
        registered(second, "Bram Yilmaz-" + unique);
        registered(UUID.randomUUID().toString(), "Someone Else");
        RestTestClient http = http();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get()
                .uri("/api/events/members?name={name}", "YILMAZ-" + unique.toUpperCase())
                .header(HttpHeaders.AUTHORIZATION, TestTokens.member("m", "redacteur").bearer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].memberId").isEqualTo(second) // by name: Bram before Fatma
                .jsonPath("$[1].displayName").isEqualTo("Fatma Yilmaz-" + unique));
        // a regular expression is text here, not a pattern that matches everyone
        http.get().uri("/api/events/members?name={name}", ".*")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.member("m", "beheerder").bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        http.get().uri("/api/events/members?name=a")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.member("m", "redacteur").bearer()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        for (String role : List.of("vriend", "lid")) {
            http.get().uri("/api/events/members?name=Yilmaz")
                    .header(HttpHeaders.AUTHORIZATION, TestTokens.member("m", role).bearer()).exchange()
                    .expectStatus().isForbidden();
        }
    }

    private static void registered(String id, String name) {
        publish(cloudEvent(MemberDirectory.TOPIC, "nl.mboconnect.membership.member.registered.v1", "/membership", id,
                MONDAY, "{\"memberId\":\"" + id + "\",\"displayName\":\"" + name + "\",\"registeredAt\":\"" + MONDAY
                        + "\"}"));
    }

    private RestTestClient http() {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }
}

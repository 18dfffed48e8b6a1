package nl.mboconnect.polls.directory;

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
 * platform's read model does the rest, tested there), and members may look them up.
 */
@ServiceTest
class MemberDirectoryTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    @LocalServerPort
    int port;

    @Test
    void aMemberIsKnownByTheNewestNameMembersMayLookUpAndOthersMayNot() {
        String id = UUID.randomUUID().toString();
        publish(cloudEvent(MemberDirectory.TOPIC, "nl.mboconnect.membership.member.registered.v1", "/membership", id,
                MONDAY, "{\"memberId\":\"" + id + "\",\"displayName\":\"Noor El Amrani\",\"registeredAt\":\"" + MONDAY
                        + "\"}"));
        publish(cloudEvent(MemberDirectory.TOPIC, "nl.mboconnect.membership.member.profile-updated.v1", "/membership",
                id, MONDAY.plusSeconds(60), "{\"memberId\":\"" + id + "\",\"displayName\":\"Noor Bakker\",\"updatedAt\":\""
                        + MONDAY.plusSeconds(60) + "\"}"));
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        String path = "/api/polls/members/" + id;

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
        http.get().uri("/api/polls/members/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, TestTokens.member("m", "vriend").bearer()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}

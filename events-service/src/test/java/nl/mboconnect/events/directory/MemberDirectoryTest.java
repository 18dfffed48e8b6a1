package nl.mboconnect.events.directory;

import static nl.mboconnect.platform.testing.TestEvents.cloudEvent;
import static nl.mboconnect.platform.testing.TestEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestTokens;

@ServiceTest
class MemberDirectoryListenerTest {

    private static final String REGISTERED = "nl.mboconnect.membership.member.registered.v1";
    private static final String PROFILE_UPDATED = "nl.mboconnect.membership.member.profile-updated.v1";
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    @Autowired
    MemberDirectory directory;

    @LocalServerPort
    int port;

    @Test
    void aRegisteredMemberIsInTheDirectoryByName() {
        String id = UUID.randomUUID().toString();

        publish(memberEvent(REGISTERED, id, "Sanne de Vries", MONDAY));

        await().atMost(Duration.ofSeconds(15)).until(() -> directory.displayName(id).isPresent());
        assertThat(directory.displayName(id)).contains("Sanne de Vries");
    }

    @Test
    void aRenameReplacesTheNameButAnOlderEventArrivingLateDoesNot() {
        String id = UUID.randomUUID().toString();
        publish(memberEvent(REGISTERED, id, "Noor El Amrani", MONDAY));
        publish(memberEvent(PROFILE_UPDATED, id, "Noor Bakker", MONDAY.plusSeconds(3600)));
        // replayed from long ago, after the rename
        publish(memberEvent(PROFILE_UPDATED, id, "Noor Oud", MONDAY.minusSeconds(3600)));
        // on the same partition, after the events above: once it is in, they have been read
        String marker = UUID.randomUUID().toString();
        publish(memberEvent(REGISTERED, id, marker, "Marker", MONDAY));

        await().atMost(Duration.ofSeconds(15)).until(() -> directory.displayName(marker).isPresent());
        assertThat(directory.displayName(id)).isEqualTo(Optional.of("Noor Bakker"));
    }

    @Test
    void eventsThisServiceDoesNotReadAreSkipped() {
        String id = UUID.randomUUID().toString();
        publish(cloudEvent(MemberDirectoryListener.TOPIC, "nl.mboconnect.membership.member.something-new.v1",
                "/membership", id, MONDAY, "{\"memberId\":\"" + id + "\",\"displayName\":\"Nieuw\"}"));
        // on the same partition, after the events above: once it is in, they have been read
        String marker = UUID.randomUUID().toString();
        publish(memberEvent(REGISTERED, id, marker, "Marker", MONDAY));

        await().atMost(Duration.ofSeconds(15)).until(() -> directory.displayName(marker).isPresent());
        assertThat(directory.displayName(id)).isEmpty();
    }

    @Test
    void membersMayLookUpANameOthersMayNot() {
        String id = UUID.randomUUID().toString();
        publish(memberEvent(REGISTERED, id, "Joris Bakker", MONDAY));
        await().atMost(Duration.ofSeconds(15)).until(() -> directory.displayName(id).isPresent());
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        String path = "/api/events/members/" + id;

        for (String role : List.of("vriend", "lid", "redacteur", "beheerder")) {
            http.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.member("m", role).bearer()).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.displayName").isEqualTo("Joris Bakker");
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
    void editorsFindMembersByPartOfTheirNameInAnyCase() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        publish(memberEvent(REGISTERED, first, "Fatma Yilmaz-" + unique, MONDAY));
        publish(memberEvent(REGISTERED, second, "Bram Yilmaz-" + unique, MONDAY));
        publish(memberEvent(REGISTERED, UUID.randomUUID().toString(), "Someone Else", MONDAY));
        await().atMost(Duration.ofSeconds(15)).until(() -> directory.displayName(second).isPresent()
                && directory.displayName(first).isPresent());
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

        http.get().uri("/api/events/members?name={name}", "YILMAZ-" + unique.toUpperCase())
                .header(HttpHeaders.AUTHORIZATION, TestTokens.member("m", "redacteur").bearer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].memberId").isEqualTo(second) // by name: Bram before Fatma
                .jsonPath("$[1].displayName").isEqualTo("Fatma Yilmaz-" + unique);
        // a regular expression is text here, not a pattern that matches everyone
        http.get().uri("/api/events/members?name={name}", ".*")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.member("m", "beheerder").bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        http.get().uri("/api/events/members?name=a")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.member("m", "redacteur").bearer()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static ProducerRecord<String, byte[]> memberEvent(String type, String memberId, String displayName,
            Instant time) {
        return memberEvent(type, memberId, memberId, displayName, time);
    }

    private static ProducerRecord<String, byte[]> memberEvent(String type, String key, String memberId,
            String displayName, Instant time) {
        String json = "{\"memberId\":\"" + memberId + "\",\"displayName\":\"" + displayName
                + "\",\"registeredAt\":\"" + time + "\",\"futureField\":42}";
        return cloudEvent(MemberDirectoryListener.TOPIC, type, "/membership", key, time, json);
    }
}

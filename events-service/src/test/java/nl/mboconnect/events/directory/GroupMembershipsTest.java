package nl.mboconnect.events.directory;

import static nl.mboconnect.platform.testing.TestEvents.cloudEvent;
import static nl.mboconnect.platform.testing.TestEvents.publish;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import nl.mboconnect.events.EventsApi;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestTokens;

/**
 * An event for "the members of one group" is seen by whom membership-service's group events say is
 * in the group, from the moment they joined until they left; the others get 404 as for any event
 * they may not see.
 */
@ServiceTest
class GroupMembershipsTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    @LocalServerPort
    int port;

    @Test
    void anEventForAGroupIsSeenByItsMembersWhileTheyAreInIt() {
        EventsApi api = new EventsApi(port);
        String group = UUID.randomUUID().toString();
        Map<String, Object> body = EventsApi.event(20);
        body.put("visibility", Map.of("level", "invited", "invitees", List.of(), "groups", List.of(group)));
        String event = api.publish(EventsApi.editor(), body);
        TestTokens.Builder ilse = EventsApi.member("Ilse");
        TestTokens.Builder other = EventsApi.member("Bram");
        String path = EventsApi.EVENTS + "/" + event;

        api.http().get().uri(path).header(HttpHeaders.AUTHORIZATION, ilse.bearer()).exchange().expectStatus().isNotFound();
        inGroup("joined", group, ilse.subjectId(), MONDAY);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api.http().get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, ilse.bearer()).exchange().expectStatus().isOk());
        api.http().get().uri(path).header(HttpHeaders.AUTHORIZATION, other.bearer()).exchange().expectStatus().isNotFound();
        api.http().get().uri("/api/events/agenda").header(HttpHeaders.AUTHORIZATION, ilse.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[?(@.id == '" + event + "')]").isNotEmpty();

        inGroup("left", group, ilse.subjectId(), MONDAY.plusSeconds(60));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api.http().get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, ilse.bearer()).exchange().expectStatus().isNotFound());
    }

    private static void inGroup(String what, String group, String member, Instant at) {
        String data = "joined".equals(what)
                ? "{\"groupId\":\"" + group + "\",\"memberId\":\"" + member + "\",\"role\":\"MEMBER\",\"at\":\"" + at + "\"}"
                : "{\"groupId\":\"" + group + "\",\"memberId\":\"" + member + "\",\"how\":\"LEFT\",\"at\":\"" + at + "\"}";
        publish(cloudEvent(GroupMemberships.TOPIC, "nl.mboconnect.membership.group-member." + what + ".v1", "/membership",
                group + ":" + member, at, data));
    }
}

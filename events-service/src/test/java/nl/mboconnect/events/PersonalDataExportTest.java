package nl.mboconnect.events;

import static nl.mboconnect.platform.testing.TestEvents.cloudEvent;
import static nl.mboconnect.platform.testing.TestEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import nl.mboconnect.events.directory.GroupMemberships;
import nl.mboconnect.events.directory.MemberDirectory;
import nl.mboconnect.platform.events.consumer.MemberErasure;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.StoredText;
import nl.mboconnect.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member's export from events-service holds every part this service keeps about them: their
 * registrations, the events they organise, their calendar feed, and the name and groups it heard of;
 * and nobody else's.
 */
@ServiceTest
class PersonalDataExportTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    com.mongodb.client.MongoDatabase database;

    @Test
    void theExportHoldsTheMembersRegistrationsEventsFeedNameAndGroups() {
        EventsApi api = new EventsApi(port);
        TestTokens.Builder ilse = EventsApi.member("Ilse");
        TestTokens.Builder bram = EventsApi.member("Bram");
        String attended = api.publish(EventsApi.editor(), EventsApi.event(20));
        api.register(attended, ilse);
        api.register(attended, bram);
        Map<String, Object> organised = new LinkedHashMap<>(EventsApi.event(10));
        organised.put("organisers", List.of(ilse.subjectId()));
        String hers = api.create(EventsApi.editor(), organised);
        String feed = (String) api.call(HttpMethod.GET, "/api/events/calendar/feed", ilse, null).get("path");
        String group = UUID.randomUUID().toString();
        Instant now = Instant.now();
        publish(cloudEvent(MemberDirectory.TOPIC, "nl.mboconnect.membership.member.registered.v1", "/membership",
                ilse.subjectId(), now, "{\"memberId\":\"" + ilse.subjectId() + "\",\"displayName\":\"Ilse Docent\",\"registeredAt\":\"" + now + "\"}"));
        publish(cloudEvent(GroupMemberships.TOPIC, "nl.mboconnect.membership.group-member.joined.v1", "/membership",
                group + ":" + ilse.subjectId(), now, "{\"groupId\":\"" + group + "\",\"memberId\":\"" + ilse.subjectId()
                        + "\",\"role\":\"MEMBER\",\"at\":\"" + now + "\"}"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode export = export(api, ilse);
            assertThat(export.path("parts").path("member-directory").path(0).path("displayName").asString())
                    .isEqualTo("Ilse Docent");
            assertThat(export.path("parts").path("group-memberships").path(0).path("groupId").asString())
                    .isEqualTo(group);
        });
        JsonNode export = export(api, ilse);
        assertThat(export.path("service").asString()).isEqualTo("events");
        assertThat(export.path("memberId").asString()).isEqualTo(ilse.subjectId());
        JsonNode registrations = export.path("parts").path("registrations");
        assertThat(registrations).hasSize(1);
        assertThat(registrations.get(0).path("eventId").asString()).isEqualTo(attended);
        assertThat(registrations.get(0).path("registration").path("status").asString()).isEqualTo("confirmed");
        assertThat(registrations.get(0).path("registration").path("memberId").asString()).isEqualTo(ilse.subjectId());
        JsonNode events = export.path("parts").path("organised-events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("id").asString()).isEqualTo(hers);
        assertThat(events.get(0).path("organiser").asBoolean()).isTrue();
        assertThat(feed).contains(export.path("parts").path("calendar-feed").path("token").asString());
        assertThat(export.toString()).doesNotContain(bram.subjectId());

        assertThat(export(api, bram).path("parts").path("organised-events")).isEmpty();
        assertThat(export(api, bram).path("parts").path("member-directory")).isEmpty();
        assertThat(export(api, bram).path("parts").path("calendar-feed").isEmpty()).as("no feed").isTrue();
    }

    /**
     * Erased (on {@code member.erased}, as membership-service announces it): the place Ilse held goes
     * to Bram, who waited; the event she organised stays without her, the one she created by
     * "Voormalig lid"; her feed, name and groups are gone; no document names her any more, and her
     * token is refused.
     */
    @Test
    void anErasedMembersPlaceGoesToTheNextInLineAndNothingNamesThemAfter() {
        EventsApi api = new EventsApi(port);
        TestTokens.Builder ilse = EventsApi.member("Ilse");
        TestTokens.Builder bram = EventsApi.member("Bram");
        String full = api.publish(EventsApi.editor(), EventsApi.event(1));
        api.register(full, ilse);
        assertThat(api.register(full, bram).get("status")).isEqualTo("waitlisted");
        Map<String, Object> organised = new LinkedHashMap<>(EventsApi.event(10));
        organised.put("organisers", List.of(ilse.subjectId(), bram.subjectId()));
        String theirs = api.create(EventsApi.editor(), organised);
        String hers = api.create(ilse.roles("vriend", "redacteur"), EventsApi.event(10));
        api.call(HttpMethod.GET, "/api/events/calendar/feed", ilse, null);
        Instant now = Instant.now();
        publish(cloudEvent(MemberDirectory.TOPIC, "nl.mboconnect.membership.member.registered.v1", "/membership",
                ilse.subjectId(), now, "{\"memberId\":\"" + ilse.subjectId() + "\",\"displayName\":\"Ilse Oud-Docent\",\"registeredAt\":\"" + now + "\"}"));
        String group = UUID.randomUUID().toString();
        publish(cloudEvent(GroupMemberships.TOPIC, "nl.mboconnect.membership.group-member.joined.v1", "/membership",
                group + ":" + ilse.subjectId(), now, "{\"groupId\":\"" + group + "\",\"memberId\":\"" + ilse.subjectId()
                        + "\",\"role\":\"MEMBER\",\"at\":\"" + now + "\"}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> everything().contains("Ilse Oud-Docent")
                && everything().contains(group));

        publish(cloudEvent(MemberErasure.TOPIC, MemberErasure.ERASED, "/membership-service", "erased", now.plusSeconds(1),
                "{\"memberId\":\"" + ilse.subjectId() + "\",\"erasedAt\":\"" + now.plusSeconds(1) + "\"}"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(everything())
                .doesNotContain(ilse.subjectId(), "Ilse Oud-Docent", "Ilse Test"));
        api.http().get().uri("/api/events/me/personal-data").header(HttpHeaders.AUTHORIZATION, ilse.bearer()).exchange()
                .expectStatus().isUnauthorized();
        JsonNode bramsExport = export(api, bram);
        assertThat(bramsExport.path("parts").path("registrations").path(0).path("registration").path("status")
                .asString()).isIn("confirmed", "offered");
        assertThat(database.getCollection("events").find(com.mongodb.client.model.Filters.eq("_id", theirs)).first()
                .getList("organisers", String.class)).containsExactly(bram.subjectId());
        assertThat(database.getCollection("events").find(com.mongodb.client.model.Filters.eq("_id", hers)).first()
                .get("timeline", org.bson.Document.class).getString("createdBy")).isEqualTo("voormalig-lid");
        assertThat(database.getCollection("registrations")
                .countDocuments(com.mongodb.client.model.Filters.eq("eventId", full))).isEqualTo(2);
    }

    private String everything() {
        return StoredText.of(database);
    }

    private static JsonNode export(EventsApi api, TestTokens.Builder who) {
        return JsonMapper.builder().build().readTree(api.http().get().uri("/api/events/me/personal-data")
                .header(HttpHeaders.AUTHORIZATION, who.bearer()).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }
}

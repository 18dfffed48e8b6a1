package nl.mboconnect.events.catalog;

import static nl.mboconnect.platform.testing.TopicReader.header;
import static nl.mboconnect.platform.testing.TopicReader.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import nl.mboconnect.events.EventsApi;
import nl.mboconnect.events.event.EventEvents;
import nl.mboconnect.events.event.Events;
import nl.mboconnect.events.event.PartnerEvents;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;

@ServiceTest
class EventLifecycleTest {

    @LocalServerPort
    int port;
    @Autowired
    Events store;

    @Autowired
    com.mongodb.client.MongoDatabase database;

    private final String kafka = TestInfrastructure.kafka().bootstrapServers();

    @Test
    void publishingAPublicEventTellsTheServicesAndThePartnersWithoutPersonalData() {
        EventsApi api = new EventsApi(port);
        try (TopicReader events = TopicReader.fromNow(kafka, EventEvents.TOPIC);
                TopicReader partners = TopicReader.fromNow(kafka, PartnerEvents.TOPIC)) {
            String id = api.publish(EventsApi.editor(), EventsApi.event(50));
            api.register(id, EventsApi.member("Sanne"));

            ConsumerRecord<String, byte[]> published = events.await(r -> id.equals(r.key()), Duration.ofSeconds(10));
            assertThat(header(published, "ce_type")).isEqualTo(EventEvents.PUBLISHED.type());
            assertThat(header(published, "ce_source")).isEqualTo("/events");
            List<ConsumerRecord<String, byte[]>> snapshots = partners.awaitCount(r -> id.equals(r.key()), 2,
                    Duration.ofSeconds(10));
            String latest = value(snapshots.getLast());
            assertThat(latest).contains("\"status\":\"published\"", "\"registered\":1", "\"capacity\":50",
                    "\"region\":\"Midden\"", "Vakmanschap in de regio")
                    .doesNotContain("Sanne", "teams.example.org", "Dagvoorzitter", "memberId");
        }
    }

    @Test
    void invalidEventsAreRefusedWithTheFieldsAtFaultAndNothingIsWritten() {
        EventsApi api = new EventsApi(port);
        TestTokens.Builder editor = EventsApi.editor();
        long before = count();

        Map<String, Object> backwards = EventsApi.event(50);
        backwards.put("end", LocalDateTime.parse((String) backwards.get("start")).minusHours(1).toString());
        assertProblem(api, editor, backwards, "end", "end-before-start");

        Map<String, Object> lateProgramme = EventsApi.event(50);
        LocalDateTime end = LocalDateTime.parse((String) lateProgramme.get("end"));
        lateProgramme.put("programme", List.of(Map.of("start", end.minusMinutes(30).toString(), "end",
                end.plusMinutes(30).toString(), "title", "Borrel")));
        assertProblem(api, editor, lateProgramme, "programme[0].start", "outside-event");

        Map<String, Object> skippedHour = EventsApi.event(50);
        skippedHour.put("start", "2027-03-28T02:30");
        skippedHour.put("end", "2027-03-28T05:00");
        skippedHour.put("programme", List.of());
        assertProblem(api, editor, skippedHour, "start", "nonexistent-time");

        Map<String, Object> noTitle = EventsApi.event(50);
        noTitle.put("title", " ");
        noTitle.put("kind", "borrel");
        api.http().post().uri(EventsApi.EVENTS).header(HttpHeaders.AUTHORIZATION, editor.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(noTitle).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(count()).isEqualTo(before);
    }

    @Test
    void capacityBelowTheRegistrationsAndUnknownBreakoutsAreRefusedAndAFullSessionHasAWaitlist() {
        EventsApi api = new EventsApi(port);
        TestTokens.Builder editor = EventsApi.editor();
        Map<String, Object> body = EventsApi.event(3);
        body.put("breakouts", List.of(Map.of("id", "a", "title", "Sessie A", "capacity", 2)));
        String id = api.publish(editor, body);
        for (String name : List.of("Ahmed", "Bram")) {
            api.call(HttpMethod.POST, EventsApi.EVENTS + "/" + id + "/registration", EventsApi.member(name),
                    Map.of("breakoutId", "a"));
        }

        Map<String, Object> smaller = new LinkedHashMap<>(body);
        smaller.put("capacity", 1);
        api.http().put().uri(EventsApi.EVENTS + "/" + id).header(HttpHeaders.AUTHORIZATION, editor.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(smaller).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("capacity")
                .jsonPath("$.errors[0].code").isEqualTo("capacity-below-registrations");
        api.http().post().uri(EventsApi.EVENTS + "/" + id + "/registration")
                .header(HttpHeaders.AUTHORIZATION, EventsApi.member("Chris").bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("breakoutId", "zz")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("unknown-breakout");
        api.http().post().uri(EventsApi.EVENTS + "/" + id + "/registration")
                .header(HttpHeaders.AUTHORIZATION, EventsApi.member("Chris").bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("breakoutId", "a")).exchange()
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.status").isEqualTo("waitlisted")
                .jsonPath("$.position").isEqualTo(1);
        assertThat(store.find(id).orElseThrow().details().attendance().capacity()).isEqualTo(3);
        // the session they wait for stays while they wait
        Map<String, Object> withoutSessions = new LinkedHashMap<>(body);
        withoutSessions.put("breakouts", List.of());
        api.http().put().uri(EventsApi.EVENTS + "/" + id).header(HttpHeaders.AUTHORIZATION, editor.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(withoutSessions).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("breakout-in-use");
    }

    @Test
    void movingAPublishedEventTellsItsRegistrantsAndRaisesTheSequence() {
        EventsApi api = new EventsApi(port);
        TestTokens.Builder editor = EventsApi.editor();
        Map<String, Object> body = EventsApi.event(10);
        String id = api.publish(editor, body);
        TestTokens.Builder sanne = EventsApi.member("Sanne");
        api.register(id, sanne);
        int sequence = store.find(id).orElseThrow().sequence();

        try (TopicReader events = TopicReader.fromNow(kafka, EventEvents.TOPIC)) {
            Map<String, Object> moved = new LinkedHashMap<>(body);
            moved.put("start", LocalDateTime.parse((String) body.get("start")).plusDays(1).toString());
            moved.put("end", LocalDateTime.parse((String) body.get("end")).plusDays(1).toString());
            moved.put("programme", List.of());
            api.call(HttpMethod.PUT, EventsApi.EVENTS + "/" + id, editor, moved);

            ConsumerRecord<String, byte[]> updated = events.await(r -> id.equals(r.key()), Duration.ofSeconds(10));
            assertThat(header(updated, "ce_type")).isEqualTo(EventEvents.UPDATED.type());
            assertThat(value(updated)).contains("\"rescheduled\":true", sanne.subjectId());
        }
        assertThat(store.find(id).orElseThrow().sequence()).isEqualTo(sequence + 1);
    }

    @Test
    void aRaisedCapacityPromotesTheWaitlistAtOnce() {
        EventsApi api = new EventsApi(port);
        TestTokens.Builder editor = EventsApi.editor();
        Map<String, Object> body = EventsApi.event(1);
        String id = api.publish(editor, body);
        api.register(id, EventsApi.member("Eerste"));
        TestTokens.Builder second = EventsApi.member("Tweede");
        assertThat(api.register(id, second).get("status")).isEqualTo("waitlisted");

        Map<String, Object> bigger = new LinkedHashMap<>(body);
        bigger.put("capacity", 2);
        api.call(HttpMethod.PUT, EventsApi.EVENTS + "/" + id, editor, bigger);

        assertThat(api.call(HttpMethod.GET, EventsApi.EVENTS + "/" + id + "/registration", second, null).get("status"))
                .isEqualTo("confirmed");
    }

    @Test
    void theEventPageSaysWhetherItsAudienceAdmitsTheCaller() {
        EventsApi api = new EventsApi(port);
        Map<String, Object> body = new LinkedHashMap<>(EventsApi.event(50));
        body.put("audience", Map.of("text", "Leden met stemrecht", "roles", List.of("lid")));
        String id = api.publish(EventsApi.editor(), body);
        String page = EventsApi.EVENTS + "/" + id;

        assertThat(api.call(HttpMethod.GET, page, null, null).get("mayRegister")).isEqualTo(false);
        assertThat(api.call(HttpMethod.GET, page, EventsApi.member("Sanne"), null).get("mayRegister")).isEqualTo(false);
        TestTokens.Builder lid = TestTokens.member("joris-" + id, "vriend", "lid").name("Joris", "Bakker");
        assertThat(api.call(HttpMethod.GET, page, lid, null).get("mayRegister")).isEqualTo(true);
        // and the rule behind it holds: the friend is refused, the member is taken
        api.http().post().uri(page + "/registration").header(HttpHeaders.AUTHORIZATION, EventsApi.member("Sanne").bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()).exchange().expectStatus().isForbidden();
        assertThat(api.register(id, lid).get("status")).isEqualTo("confirmed");
    }

    @Test
    void anInvitationOnlyEventNeverLeaksToTheUninvited() {
        EventsApi api = new EventsApi(port);
        TestTokens.Builder editor = EventsApi.editor();
        TestTokens.Builder invitee = EventsApi.member("Joris");
        TestTokens.Builder outsider = TestTokens.member("lid-" + java.util.UUID.randomUUID(), "vriend", "lid");
        Map<String, Object> body = EventsApi.event(16);
        body.put("title", "Expertmeeting kleine specialistische opleidingen");
        body.put("visibility", Map.of("level", "invited", "invitees", List.of(invitee.subjectId())));
        String from = ((String) body.get("start")).substring(0, 10);

        try (TopicReader partners = TopicReader.fromNow(kafka, PartnerEvents.TOPIC)) {
            String id = api.publish(editor, body);
            api.register(id, invitee);

            for (TestTokens.Builder uninvited : new TestTokens.Builder[] {null, outsider, TestTokens.partner("partner-demo-roc")}) {
                var agenda = api.http().get().uri("/api/events/agenda?from=" + from + "&to=" + from);
                var event = api.http().get().uri(EventsApi.EVENTS + "/" + id);
                var ics = api.http().get().uri(EventsApi.EVENTS + "/" + id + "/calendar.ics");
                if (uninvited != null) {
                    agenda.header(HttpHeaders.AUTHORIZATION, uninvited.bearer());
                    event.header(HttpHeaders.AUTHORIZATION, uninvited.bearer());
                    ics.header(HttpHeaders.AUTHORIZATION, uninvited.bearer());
                }
                assertThat(agenda.exchange().expectStatus().isOk().returnResult(String.class).getResponseBody())
                        .doesNotContain(id, "kleine specialistische");
                event.exchange().expectStatus().isNotFound();
                ics.exchange().expectStatus().isNotFound();
            }
            assertThat(api.call(HttpMethod.GET, "/api/events/agenda?from=" + from + "&to=" + from, invitee, null)
                    .toString()).contains(id);
            String partnerFeed = api.http().get().uri("/api/events/partner/events")
                    .header(HttpHeaders.AUTHORIZATION, TestTokens.partner("partner-demo-roc").bearer()).exchange()
                    .expectStatus().isOk().returnResult(String.class).getResponseBody();
            assertThat(partnerFeed).doesNotContain(id);
            // the marker: made public, it is announced to partners, on its own key, after whatever came before
            body.put("visibility", Map.of("level", "public"));
            api.call(HttpMethod.PUT, EventsApi.EVENTS + "/" + id, editor, body);
            partners.await(r -> id.equals(r.key()), Duration.ofSeconds(10));
            assertThat(partners.readFor(Duration.ZERO)).filteredOn(r -> id.equals(r.key())).singleElement()
                    .satisfies(r -> assertThat(value(r)).contains("\"status\":\"published\"", "kleine specialistische"));
        }
    }

    private long count() {
        return database.getCollection("events").countDocuments();
    }

    private static void assertProblem(EventsApi api, TestTokens.Builder editor, Map<String, Object> body, String field,
            String code) {
        api.http().post().uri(EventsApi.EVENTS).header(HttpHeaders.AUTHORIZATION, editor.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].code").isEqualTo(code);
    }
}

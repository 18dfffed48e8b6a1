package nl.mboconnect.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import nl.mboconnect.events.event.EventEvents;
import nl.mboconnect.events.event.EventTime;
import nl.mboconnect.events.event.PartnerEvents;
import nl.mboconnect.events.registration.RegistrationEvents;
import nl.mboconnect.platform.events.EventType;
import nl.mboconnect.platform.testing.EventContracts;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;
import tools.jackson.databind.json.JsonMapper;

/** Pins what events-service publishes: every type has a JSON Schema, and what goes out fits it. */
@ServiceTest
class EventContractTest {

    private static final List<EventType<?>> PUBLISHED = List.of(EventEvents.PUBLISHED, EventEvents.UPDATED,
            EventEvents.CANCELLED, EventEvents.COMPLETED, RegistrationEvents.CONFIRMED, RegistrationEvents.WAITLISTED,
            RegistrationEvents.PROMOTED, RegistrationEvents.CANCELLED, RegistrationEvents.ATTENDANCE_RECORDED,
            PartnerEvents.CHANGED);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void everyPublishedTypeHasASchema() {
        assertThat(PUBLISHED).allSatisfy(type -> assertThat(EventContracts.hasSchema(type.type()))
                .as("schema for %s", type.type()).isTrue());
    }

    @Test
    void whatAnEventsLifeSendsFitsTheSchemas() {
        EventsApi api = new EventsApi(port);
        TestTokens.Builder editor = EventsApi.editor();
        String kafka = TestInfrastructure.kafka().bootstrapServers();
        List<TopicReader> readers = new ArrayList<>();
        for (String topic : List.of(EventEvents.TOPIC, RegistrationEvents.TOPIC, PartnerEvents.TOPIC)) {
            readers.add(TopicReader.fromNow(kafka, topic));
        }
        try {
            Map<String, Object> body = EventsApi.event(1);
            String id = api.publish(editor, body);
            TestTokens.Builder first = EventsApi.member("Eerste");
            api.register(id, first);
            api.register(id, EventsApi.member("Tweede"));
            api.call(HttpMethod.DELETE, EventsApi.EVENTS + "/" + id + "/registration", first, null);
            body.put("capacity", 5);
            api.call(HttpMethod.PUT, EventsApi.EVENTS + "/" + id, editor, body);
            api.call(HttpMethod.POST, EventsApi.EVENTS + "/" + id + "/cancel", editor, Map.of("reason", "Zaal niet beschikbaar"));

            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            records.addAll(readers.get(0).awaitCount(r -> id.equals(r.key()), 3, Duration.ofSeconds(10)));
            records.addAll(readers.get(1).awaitCount(r -> id.equals(r.key()), 4, Duration.ofSeconds(10)));
            // snapshots still pending when a newer one is written give way to it: the newest always comes
            records.addAll(readers.get(2).awaitCount(r -> id.equals(r.key())
                    && TopicReader.value(r).contains("\"status\":\"cancelled\""), 1, Duration.ofSeconds(10)));
            List<Long> revisions = readers.get(2).awaitCount(r -> id.equals(r.key()), 1, Duration.ofSeconds(1)).stream()
                    .map(r -> JSON.readTree(TopicReader.value(r)).get("revision").asLong()).toList();
            assertThat(revisions).as("partners order snapshots by revision").isSortedAccordingTo(Long::compare)
                    .doesNotHaveDuplicates();

            // a public event that stops being public is withdrawn: nothing but its id, revision, status and time
            Map<String, Object> open = EventsApi.event(10);
            String withdrawn = api.publish(editor, open);
            open.put("visibility", Map.of("level", "members"));
            api.call(HttpMethod.PUT, EventsApi.EVENTS + "/" + withdrawn, editor, open);
            ConsumerRecord<String, byte[]> gone = readers.get(2).await(r -> withdrawn.equals(r.key())
                    && TopicReader.value(r).contains("\"status\":\"withdrawn\""), Duration.ofSeconds(10));
            assertThat(JSON.readTree(TopicReader.value(gone)).propertyNames())
                    .containsExactlyInAnyOrder("eventId", "revision", "status", "updatedAt");
            records.add(gone);

            Set<String> types = records.stream().map(r -> TopicReader.header(r, "ce_type")).collect(Collectors.toSet());
            assertThat(types).contains(EventEvents.PUBLISHED.type(), EventEvents.UPDATED.type(),
                    EventEvents.CANCELLED.type(), RegistrationEvents.CONFIRMED.type(), RegistrationEvents.WAITLISTED.type(),
                    RegistrationEvents.PROMOTED.type(), RegistrationEvents.CANCELLED.type(), PartnerEvents.CHANGED.type());
            assertThat(records).allSatisfy(record -> assertThat(EventContracts.violations(
                    TopicReader.header(record, "ce_type"), TopicReader.value(record)))
                    .as("%s: %s", TopicReader.header(record, "ce_type"), TopicReader.value(record)).isEmpty());
        } finally {
            readers.forEach(TopicReader::close);
        }
    }

    @Test
    void whatAHeldEventSendsFitsTheSchemas() {
        EventsApi api = new EventsApi(port);
        TestTokens.Builder editor = EventsApi.editor();
        String kafka = TestInfrastructure.kafka().bootstrapServers();
        try (TopicReader events = TopicReader.fromNow(kafka, EventEvents.TOPIC);
                TopicReader attendance = TopicReader.fromNow(kafka, RegistrationEvents.ATTENDANCE_TOPIC)) {
            // a short event that begins in a few seconds: check-in opens an hour before, completing after its end
            LocalDateTime start = LocalDateTime.now(EventTime.ZONE).plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
            Map<String, Object> body = EventsApi.event(10);
            body.put("start", start.toString());
            body.put("end", start.plusSeconds(1).toString());
            body.put("programme", List.of());
            String id = api.publish(editor, body);
            TestTokens.Builder attendee = EventsApi.member("Aanwezig");
            api.register(id, attendee);
            api.call(HttpMethod.PUT, EventsApi.EVENTS + "/" + id + "/attendees/" + attendee.subjectId() + "/attendance",
                    editor, Map.of("present", true));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> api.http().post()
                    .uri(EventsApi.EVENTS + "/" + id + "/complete").header(HttpHeaders.AUTHORIZATION, editor.bearer())
                    .exchange().returnResult(String.class).getStatus().is2xxSuccessful());

            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            records.add(attendance.await(r -> id.equals(r.key()), Duration.ofSeconds(10)));
            records.add(events.await(r -> id.equals(r.key())
                    && EventEvents.COMPLETED.type().equals(TopicReader.header(r, "ce_type")), Duration.ofSeconds(10)));
            assertThat(records).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly(RegistrationEvents.ATTENDANCE_RECORDED.type(), EventEvents.COMPLETED.type());
            assertThat(records).allSatisfy(record -> assertThat(EventContracts.violations(
                    TopicReader.header(record, "ce_type"), TopicReader.value(record)))
                    .as("%s: %s", TopicReader.header(record, "ce_type"), TopicReader.value(record)).isEmpty());
        }
    }
}

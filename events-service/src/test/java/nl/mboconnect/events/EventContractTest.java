package nl.mboconnect.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import nl.mboconnect.events.event.EventEvents;
import nl.mboconnect.events.event.PartnerEvents;
import nl.mboconnect.events.registration.RegistrationEvents;
import nl.mboconnect.platform.events.EventType;
import nl.mboconnect.platform.testing.EventContracts;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;

/** Pins what events-service publishes: every type has a JSON Schema, and what goes out fits it. */
@ServiceTest
class EventContractTest {

    private static final List<EventType<?>> PUBLISHED = List.of(EventEvents.PUBLISHED, EventEvents.UPDATED,
            EventEvents.CANCELLED, EventEvents.COMPLETED, RegistrationEvents.CONFIRMED, RegistrationEvents.WAITLISTED,
            RegistrationEvents.PROMOTED, RegistrationEvents.CANCELLED, RegistrationEvents.ATTENDANCE_RECORDED,
            PartnerEvents.CHANGED);

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
            records.addAll(readers.get(2).awaitCount(r -> id.equals(r.key()), 6, Duration.ofSeconds(10)));

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
}

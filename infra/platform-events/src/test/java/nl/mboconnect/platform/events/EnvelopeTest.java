package nl.mboconnect.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;

class EnvelopeTest {

    record Greeting(String text) {
    }

    @Test
    void eventTypesAndTopicsFollowTheNamingRules() {
        assertThat(EventType.of("membership.member.v1", "nl.mboconnect.membership.member.profile-updated.v1",
                Greeting.class).topic()).isEqualTo("membership.member.v1");
        assertThatThrownBy(() -> EventType.of("MemberEvents", "nl.mboconnect.membership.member.registered.v1",
                Greeting.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventType.of("membership.member.v1", "MemberRegistered", Greeting.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aServiceCreatesWhatItProducesWhatItReadsAndADeadLetterTopicForEachRead() {
        EventTopics topics = EventTopics.none()
                .produces(EventType.of("events.event.v1", "nl.mboconnect.events.event.published.v1", Greeting.class))
                .consumes("membership.member.v1");

        assertThat(topics.all()).containsExactlyInAnyOrder("events.event.v1", "membership.member.v1",
                "membership.member.v1.dlt");
    }

    @Test
    void aCloudEventIsReadFromItsHeadersAndItsDataMappedTolerantly() {
        var record = record("{\"text\":\"Goedemorgen\",\"extra\":1}");
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", "e-1");
        header(record, "ce_source", "/membership");
        header(record, "ce_type", "nl.mboconnect.membership.member.registered.v1");
        header(record, "ce_subject", "m-1");
        header(record, "ce_time", "2026-11-24T09:00:00Z");
        header(record, "content-type", "application/json");

        IncomingEvent event = IncomingEvent.from(record, EventsAutoConfiguration.EVENT_JSON);

        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.subject()).isEqualTo("m-1");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(event.data(Greeting.class)).isEqualTo(new Greeting("Goedemorgen"));
    }

    @Test
    void aRecordThatIsNoCloudEventIsPoison() {
        assertThatThrownBy(() -> IncomingEvent.from(record("{}"), EventsAutoConfiguration.EVENT_JSON))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("CloudEvents");

        var withoutId = record("{}");
        header(withoutId, "ce_specversion", "1.0");
        header(withoutId, "ce_type", "t");
        header(withoutId, "ce_source", "/s");
        assertThatThrownBy(() -> IncomingEvent.from(withoutId, EventsAutoConfiguration.EVENT_JSON))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("id");
    }

    @Test
    void whatThePlatformWritesAnyCloudEventsReaderReadsTheSame() {
        Instant time = Instant.parse("2026-11-24T09:00:00.123Z");
        ProducerRecord<String, byte[]> written = Envelope.record("partner.events.v1", "ev-1", "e-3", "/events",
                "nl.mboconnect.events.public-event.changed.v1", "ev-1", time,
                "{\"text\":\"Hallo\"}".getBytes(StandardCharsets.UTF_8),
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(written.key()).isEqualTo("ev-1");
        assertThat(written.timestamp()).isEqualTo(time.toEpochMilli());
        assertThat(headerOf(written, "ce_specversion")).isEqualTo("1.0");
        assertThat(headerOf(written, "ce_id")).isEqualTo("e-3");
        assertThat(headerOf(written, "ce_source")).isEqualTo("/events");
        assertThat(headerOf(written, "ce_subject")).isEqualTo("ev-1");
        assertThat(headerOf(written, "content-type")).isEqualTo("application/json");
        assertThat(headerOf(written, "traceparent")).startsWith("00-0af7651916cd43dd8448eb211c80319c");

        // a partner with the SDK's own deserializer
        CloudEvent partner;
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            partner = deserializer.deserialize(written.topic(), written.headers(), written.value());
        }
        assertThat(partner.getId()).isEqualTo("e-3");
        assertThat(partner.getType()).isEqualTo("nl.mboconnect.events.public-event.changed.v1");
        assertThat(partner.getTime().toInstant()).isEqualTo(time);
        assertThat(new String(partner.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"Hallo\"}");

        // and the platform's consumers
        ConsumerRecord<String, byte[]> read = new ConsumerRecord<>(written.topic(), 0, 0, written.key(), written.value());
        written.headers().forEach(header -> read.headers().add(header));
        IncomingEvent event = IncomingEvent.from(read, EventsAutoConfiguration.EVENT_JSON);
        assertThat(event.id()).isEqualTo("e-3");
        assertThat(event.source()).isEqualTo("/events");
        assertThat(event.time()).isEqualTo(time);
        assertThat(event.data(Greeting.class)).isEqualTo(new Greeting("Hallo"));
    }

    private static String headerOf(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void dataThatDoesNotFitIsPoison() {
        var record = record("[1,2]");
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", "e-2");
        header(record, "ce_source", "/s");
        header(record, "ce_type", "t");
        IncomingEvent event = IncomingEvent.from(record, EventsAutoConfiguration.EVENT_JSON);

        assertThatThrownBy(() -> event.data(Greeting.class)).isInstanceOf(PoisonEventException.class);
    }

    private static ConsumerRecord<String, byte[]> record(String json) {
        return new ConsumerRecord<>("membership.member.v1", 0, 0, "m-1", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

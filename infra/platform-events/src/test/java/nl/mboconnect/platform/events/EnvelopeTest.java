package nl.mboconnect.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

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
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("ce_id");
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

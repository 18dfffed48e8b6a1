package nl.mboconnect.platform.events.it;

import static nl.mboconnect.platform.testing.TopicReader.header;
import static nl.mboconnect.platform.testing.TopicReader.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.ServiceTestInfrastructure;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TopicReader;

@ServiceTest
class OutboxIntegrationTest {

    private static final String TOPIC = ParcelApplication.SENT.topic();

    @Autowired
    ParcelApplication.Parcels parcels;

    @Autowired
    ParcelApplication.ParcelListener listener;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    Tracer tracer;

    private final String kafka = TestInfrastructure.kafka().bootstrapServers();

    @Test
    void eventWrittenWithTheStateChangeIsPublishedRightAfterAsACloudEvent() {
        String id = "parcel-" + UUID.randomUUID();
        try (TopicReader topic = TopicReader.fromNow(kafka, TOPIC)) {
            parcels.send(id, "Utrecht");

            ConsumerRecord<String, byte[]> record = topic.await(r -> id.equals(r.key()), Duration.ofSeconds(10));
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_type")).isEqualTo("nl.mboconnect.test.parcel.sent.v1");
            assertThat(header(record, "ce_source")).isEqualTo("/platform-test");
            assertThat(header(record, "ce_subject")).isEqualTo(id);
            assertThat(header(record, "ce_id")).matches("[0-9a-f-]{36}");
            assertThat(header(record, "ce_time")).isNotBlank();
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(value(record)).contains("\"parcelId\":\"" + id + "\"", "\"destination\":\"Utrecht\"");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> parcels.pending(id) == 0);
    }

    @Test
    void anAggregatesEventsArePublishedInTheOrderTheyWereWritten() {
        String id = "parcel-" + UUID.randomUUID();
        try (TopicReader topic = TopicReader.fromNow(kafka, TOPIC)) {
            parcels.send(id, "Zwolle");
            parcels.redirect(id, "Deventer");
            parcels.redirect(id, "Enschede");

            var records = topic.awaitCount(r -> id.equals(r.key()), 3, Duration.ofSeconds(10));
            // at least once: a repeat may slip in, but never out of order
            var distinct = records.stream().filter(distinctBy(r -> header(r, "ce_id"))).toList();
            assertThat(distinct).extracting(TopicReader::value).satisfiesExactly(
                    first -> assertThat(first).contains("Zwolle"),
                    second -> assertThat(second).contains("Deventer"),
                    third -> assertThat(third).contains("Enschede"));
        }
    }

    @Test
    void theTraceOfTheWriteContinuesInTheConsumer() {
        String id = "parcel-" + UUID.randomUUID();
        Observation observation = Observation.start("parcel.send", observations);
        String traceparent;
        String writeTraceId;
        try (Observation.Scope scope = observation.openScope()) {
            writeTraceId = tracer.currentSpan().context().traceId();
            try (TopicReader topic = TopicReader.fromNow(kafka, TOPIC)) {
                parcels.send(id, "Leeuwarden");
                traceparent = header(topic.await(r -> id.equals(r.key()), Duration.ofSeconds(10)), "traceparent");
            }
        } finally {
            observation.stop();
        }
        assertThat(traceparent).isNotNull();
        String traceId = traceparent.split("-")[1];
        assertThat(traceId).isEqualTo(writeTraceId);
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.traceIds.containsKey(id));
        assertThat(listener.traceIds.get(id)).isEqualTo(traceId);
    }

    @Test
    void nothingIsLostWhileKafkaIsUnavailable() {
        String first = "parcel-" + UUID.randomUUID();
        String second = "parcel-" + UUID.randomUUID();
        try (TopicReader topic = TopicReader.fromNow(kafka, TOPIC)) {
            TestInfrastructure.kafka().makeUnavailable();
            try {
                parcels.send(first, "Groningen");
                parcels.send(second, "Assen");
                // the relay tries and fails; the events wait in their documents
                await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(20))
                        .until(() -> parcels.pending(first) == 1 && parcels.pending(second) == 1);
            } finally {
                TestInfrastructure.kafka().makeAvailable();
            }
            topic.await(r -> first.equals(r.key()), Duration.ofSeconds(60));
            topic.await(r -> second.equals(r.key()), Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> parcels.pending(first) + parcels.pending(second) == 0);
    }

    @Test
    void eventsOfAServiceThatDiedBeforePublishingArePublishedAfterItsRestart() {
        String id = "parcel-" + UUID.randomUUID();
        Map<String, Object> properties = new HashMap<>(ServiceTestInfrastructure.properties("outbox-restart"));
        properties.put("server.port", "0");
        properties.put("spring.kafka.listener.auto-startup", "false");

        try (TopicReader topic = TopicReader.fromNow(kafka, TOPIC)) {
            // The write happens, then the process dies: neither the relay nor a sweep ever runs.
            properties.put("mbo.events.sweep-interval", "1h");
            try (ConfigurableApplicationContext crashing = start(properties, ParcelApplication.class,
                    RelayNeverRuns.class)) {
                ParcelApplication.Parcels crashingParcels = crashing.getBean(ParcelApplication.Parcels.class);
                crashingParcels.send(id, "Maastricht");
                assertThat(crashingParcels.pending(id)).isEqualTo(1);
                assertThat(topic.readFor(Duration.ofSeconds(2))).noneMatch(r -> id.equals(r.key()));
            }

            properties.put("mbo.events.sweep-interval", "500ms");
            try (ConfigurableApplicationContext restarted = start(properties, ParcelApplication.class)) {
                ConsumerRecord<String, byte[]> record = topic.await(r -> id.equals(r.key()), Duration.ofSeconds(15));
                assertThat(value(record)).contains("Maastricht");
                ParcelApplication.Parcels restartedParcels = restarted.getBean(ParcelApplication.Parcels.class);
                await().atMost(Duration.ofSeconds(5)).until(() -> restartedParcels.pending(id) == 0);
            }
        }
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, String> key) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return element -> seen.add(key.apply(element));
    }

    /** Properties as command-line arguments, so they win over application.yml as a deployment's would. */
    private static ConfigurableApplicationContext start(Map<String, Object> properties, Class<?>... sources) {
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(sources).run(arguments);
    }
}

package nl.mboconnect.platform.events.it;

import static nl.mboconnect.platform.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.mboconnect.platform.events.consumer.DeadLetterReplay;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestEvents;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TopicReader;

@ServiceTest
class IdempotentConsumerIntegrationTest {

    private static final String TOPIC = ParcelApplication.SENT.topic();
    private static final String DEAD_LETTERS = TOPIC + ".dlt";

    @Autowired
    ParcelApplication.ParcelListener listener;

    private final String kafka = TestInfrastructure.kafka().bootstrapServers();
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producerAndAListenerThatListens() throws Exception {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new StringSerializer(), new ByteArraySerializer());
        // other tests take the broker away for a while; the listener rejoins its group after that
        String ready = UUID.randomUUID().toString();
        send(cloudEvent(ready, "parcel-" + UUID.randomUUID(), "Utrecht"));
        await().atMost(Duration.ofSeconds(90)).until(() -> listener.handled.containsKey(ready));
    }

    @AfterEach
    void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String parcelId = "parcel-" + UUID.randomUUID();
        String marker = UUID.randomUUID().toString();

        send(cloudEvent(eventId, parcelId, "Arnhem"));
        send(cloudEvent(eventId, parcelId, "Arnhem"));
        // a later event on the same partition tells us both copies have been read
        String markerEvent = UUID.randomUUID().toString();
        send(cloudEvent(markerEvent, parcelId, marker));

        await().atMost(Duration.ofSeconds(15)).until(() -> listener.handled.containsKey(markerEvent));
        assertThat(listener.handled.get(eventId)).hasValue(1);
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        String parcelId = "parcel-" + UUID.randomUUID();
        String next = UUID.randomUUID().toString();
        try (TopicReader deadLetters = TopicReader.fromNow(kafka, DEAD_LETTERS)) {
            producer.send(new ProducerRecord<>(TOPIC, parcelId, "{not json at all".getBytes(StandardCharsets.UTF_8)))
                    .get();
            send(cloudEvent(next, parcelId, "Nijmegen"));

            var dead = deadLetters.await(r -> parcelId.equals(r.key()), Duration.ofSeconds(15));
            assertThat(TopicReader.value(dead)).isEqualTo("{not json at all");
            assertThat(header(dead, "kafka_dlt-exception-message")).contains("CloudEvents");
            await().atMost(Duration.ofSeconds(15)).until(() -> listener.handled.containsKey(next));
        }
    }

    @Test
    void eventDataThatDoesNotFitIsDeadLetteredWithoutRetrying() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String parcelId = "parcel-" + UUID.randomUUID();
        try (TopicReader deadLetters = TopicReader.fromNow(kafka, DEAD_LETTERS)) {
            var record = cloudEvent(eventId, parcelId, "Breda");
            send(new ProducerRecord<>(TOPIC, null, parcelId, "[1, 2, 3]".getBytes(StandardCharsets.UTF_8),
                    record.headers()));

            deadLetters.await(r -> parcelId.equals(r.key()), Duration.ofSeconds(15));
            // counted where a retry would happen: once, so it went to the dead letters without retrying
            assertThat(listener.attempts.get(eventId)).hasValue(1);
            assertThat(listener.handled).doesNotContainKey(eventId);
        }
    }

    @Test
    void aHandlerThatFailsOnceIsRetriedAndSucceeds() throws Exception {
        String eventId = UUID.randomUUID().toString();
        send(cloudEvent(eventId, "parcel-" + UUID.randomUUID(), "fail-once-Tilburg"));

        await().atMost(Duration.ofSeconds(15)).until(() -> listener.handled.containsKey(eventId));
        assertThat(listener.attempts.get(eventId)).hasValue(2);
        assertThat(listener.handled.get(eventId)).hasValue(1);
    }

    @Test
    void aHandlerThatKeepsFailingIsRetriedThenDeadLettered() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String parcelId = "parcel-" + UUID.randomUUID();
        try (TopicReader deadLetters = TopicReader.fromNow(kafka, DEAD_LETTERS)) {
            send(cloudEvent(eventId, parcelId, "fail-always"));

            var dead = deadLetters.await(r -> parcelId.equals(r.key()), Duration.ofSeconds(20));
            assertThat(header(dead, "ce_id")).isEqualTo(eventId);
            // the first try and the two retries of the test configuration
            assertThat(listener.attempts.get(eventId)).hasValue(3);
            assertThat(listener.handled).doesNotContainKey(eventId);
        }
    }

    @Test
    void whatWasDeadLetteredIsPutBackByTheReplayOnceTheFaultIsMended() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String parcelId = "parcel-" + UUID.randomUUID();
        try (TopicReader deadLetters = TopicReader.fromNow(kafka, DEAD_LETTERS)) {
            send(cloudEvent(eventId, parcelId, "fail-until-mended-Venlo"));
            deadLetters.await(r -> parcelId.equals(r.key()), Duration.ofSeconds(20));
        }
        listener.mended = true;
        try {
            assertThat(DeadLetterReplay.replay(kafka, TOPIC)).isGreaterThanOrEqualTo(1);
            await().atMost(Duration.ofSeconds(15)).until(() -> listener.handled.containsKey(eventId));
            assertThat(listener.handled.get(eventId)).hasValue(1);
        } finally {
            listener.mended = false;
        }
    }

    private void send(ProducerRecord<String, byte[]> record) throws Exception {
        producer.send(record).get();
    }

    private static ProducerRecord<String, byte[]> cloudEvent(String eventId, String parcelId, String destination) {
        String data = "{\"parcelId\":\"" + parcelId + "\",\"destination\":\"" + destination + "\",\"sentAt\":\""
                + Instant.now() + "\"}";
        return TestEvents.cloudEvent(eventId, TOPIC, ParcelApplication.SENT.type(), "/platform-test", parcelId,
                Instant.now(), data);
    }
}

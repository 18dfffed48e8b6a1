package nl.mboconnect.platform.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;

/**
 * Publishes CloudEvents as another service would, for testing a consumer on its own. The records
 * follow the platform's envelope, written by the CloudEvents SDK: binary mode, key and subject the
 * aggregate id, JSON data.
 */
public final class TestEvents {

    private static KafkaProducer<String, byte[]> producer;

    private TestEvents() {
    }

    public static ProducerRecord<String, byte[]> cloudEvent(String topic, String type, String source,
            String subject, Instant time, String json) {
        return cloudEvent(UUID.randomUUID().toString(), topic, type, source, subject, time, json);
    }

    /**
     * A CloudEvent as its producer would publish it: the data is checked against the producing
     * service's JSON Schema ({@link EventContracts#requirePublishable}), so a consumer's test sends
     * only what can really arrive.
     */
    public static ProducerRecord<String, byte[]> cloudEvent(String id, String topic, String type, String source,
            String subject, Instant time, String json) {
        EventContracts.requirePublishable(type, json);
        return unchecked(id, topic, type, source, subject, time, json);
    }

    /** A CloudEvent with any data, no producer's contract checked: for data no producer would send (poison). */
    public static ProducerRecord<String, byte[]> unchecked(String id, String topic, String type, String source,
            String subject, Instant time, String json) {
        return KafkaMessageFactory.createWriter(topic, null, time.toEpochMilli(), subject).writeBinary(
                CloudEventBuilder.v1().withId(id).withType(type).withSource(URI.create(source)).withSubject(subject)
                        .withTime(time.atOffset(ZoneOffset.UTC)).withDataContentType("application/json")
                        .withData(json.getBytes(StandardCharsets.UTF_8)).build());
    }

    /** Sends and waits for the broker's acknowledgement. */
    public static void publish(ProducerRecord<String, byte[]> record) {
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e.getCause());
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "close-test-producer"));
        }
        return producer;
    }
}

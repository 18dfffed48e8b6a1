package nl.mboconnect.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes CloudEvents as another service would, for testing a consumer on its own. The records
 * follow the platform's envelope: binary mode, key and subject the aggregate id, JSON data.
 */
public final class TestEvents {

    private static KafkaProducer<String, byte[]> producer;

    private TestEvents() {
    }

    public static ProducerRecord<String, byte[]> cloudEvent(String topic, String type, String source,
            String subject, Instant time, String json) {
        return cloudEvent(UUID.randomUUID().toString(), topic, type, source, subject, time, json);
    }

    public static ProducerRecord<String, byte[]> cloudEvent(String id, String topic, String type, String source,
            String subject, Instant time, String json) {
        var record = new ProducerRecord<>(topic, subject, json.getBytes(StandardCharsets.UTF_8));
        Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", source, "ce_subject", subject,
                "ce_time", time.toString(), "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
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

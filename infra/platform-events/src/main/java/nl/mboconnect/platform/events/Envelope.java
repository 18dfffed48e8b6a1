package nl.mboconnect.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;

/**
 * The envelope: CloudEvents 1.0 in Kafka's binary content mode, written and read by the CloudEvents
 * SDK's Kafka binding, so a partner reading with any CloudEvents SDK gets the same event. The
 * attributes travel as {@code ce_*} headers, the JSON data as the record value; the W3C
 * {@code traceparent} rides beside them, so a trace started by an HTTP request continues in every
 * consumer.
 */
public final class Envelope {

    /** W3C trace context, the header tracing reads and writes. */
    public static final String TRACEPARENT = "traceparent";
    public static final String JSON = "application/json";

    private Envelope() {
    }

    /** The record of one event: key the aggregate id, timestamp the event's time. */
    public static ProducerRecord<String, byte[]> record(String topic, String key, String id, String source, String type,
            String subject, Instant time, byte[] data, String traceparent) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData(data)
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
                .createWriter(topic, null, time.toEpochMilli(), key).writeBinary(event);
        if (traceparent != null) {
            record.headers().add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /**
     * The event a record carries.
     *
     * @throws PoisonEventException when the record is no CloudEvent (no or an unknown spec version,
     *                              an attribute missing); retrying cannot help
     */
    public static CloudEvent read(ConsumerRecord<String, byte[]> record) {
        try {
            return KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw new PoisonEventException("not a CloudEvents 1.0 record: " + e.getMessage(), e);
        }
    }
}

package nl.mboconnect.platform.events;

import java.time.Instant;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.cloudevents.CloudEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CloudEvent read from a Kafka record in binary mode, by the CloudEvents SDK ({@link Envelope}).
 * Consumers map its data onto their own tolerant record with only the fields they read
 * ({@link #data(Class)}).
 */
public final class IncomingEvent {

    private final String id;
    private final String type;
    private final String source;
    private final String subject;
    private final Instant time;
    private final String topic;
    private final byte[] data;
    private final JsonMapper json;

    private IncomingEvent(String id, String type, String source, String subject, Instant time, String topic,
            byte[] data, JsonMapper json) {
        this.id = id;
        this.type = type;
        this.source = source;
        this.subject = subject;
        this.time = time;
        this.topic = topic;
        this.data = data;
        this.json = json;
    }

    /**
     * Reads the envelope of a record.
     *
     * @throws PoisonEventException when the record is not a CloudEvent this platform can read; retrying
     *                              cannot help, so the error handler sends it to the dead-letter topic
     */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> record, JsonMapper json) {
        CloudEvent event = Envelope.read(record);
        String contentType = event.getDataContentType();
        if (contentType != null && !contentType.startsWith(Envelope.JSON)) {
            throw new PoisonEventException("event " + event.getId() + " has unsupported content type " + contentType);
        }
        if (event.getData() == null) {
            throw new PoisonEventException("event " + event.getId() + " has no data");
        }
        Instant time = event.getTime() == null ? Instant.ofEpochMilli(record.timestamp()) : event.getTime().toInstant();
        return new IncomingEvent(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(), time,
                record.topic(), event.getData().toBytes(), json);
    }

    /** The event's data as the consumer's own record; unknown fields are ignored. */
    public <T> T data(Class<T> type) {
        try {
            return json.readValue(data, type);
        } catch (JacksonException e) {
            throw new PoisonEventException("event " + id + " of type " + this.type + " has data that does not fit "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String source() {
        return source;
    }

    /** The aggregate id, or null. */
    public String subject() {
        return subject;
    }

    public Instant time() {
        return time;
    }

    public String topic() {
        return topic;
    }

    @Override
    public String toString() {
        return "IncomingEvent[" + type + " " + id + " subject=" + subject + " time=" + time + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IncomingEvent that && id.equals(that.id) && Objects.equals(source, that.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, source);
    }
}

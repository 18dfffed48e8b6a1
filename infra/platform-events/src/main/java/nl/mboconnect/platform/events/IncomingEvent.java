package nl.mboconnect.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CloudEvent read from a Kafka record in binary mode. Consumers map its data onto their own
 * tolerant record with only the fields they read ({@link #data(Class)}).
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
        Headers headers = record.headers();
        String specVersion = header(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new PoisonEventException("not a CloudEvents 1.0 record (" + CloudEventHeaders.SPEC_VERSION + "="
                    + specVersion + ")");
        }
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        String source = required(headers, CloudEventHeaders.SOURCE);
        String contentType = header(headers, CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(CloudEventHeaders.JSON)) {
            throw new PoisonEventException("event " + id + " has unsupported content type " + contentType);
        }
        if (record.value() == null) {
            throw new PoisonEventException("event " + id + " has no data");
        }
        Instant time;
        try {
            String rawTime = header(headers, CloudEventHeaders.TIME);
            time = rawTime == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(rawTime);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("event " + id + " has an unreadable time", e);
        }
        return new IncomingEvent(id, type, source, header(headers, CloudEventHeaders.SUBJECT), time, record.topic(),
                record.value(), json);
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

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("record lacks the " + name + " header");
        }
        return value;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
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

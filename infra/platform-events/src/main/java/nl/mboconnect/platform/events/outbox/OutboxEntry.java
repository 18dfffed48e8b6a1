package nl.mboconnect.platform.events.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.bson.Document;

/**
 * An event waiting in its aggregate's document to be published: everything the relay needs to
 * write the Kafka record later, on any replica, after any crash.
 *
 * @param data            the event's JSON data, exactly as it will be published
 * @param traceparent     the W3C trace context of the write, or null
 * @param replacesPending a snapshot: it takes the place of a pending snapshot of the same type
 */
public record OutboxEntry(String id, String topic, String key, String type, String source, String subject,
        Instant time, String data, String traceparent, boolean replacesPending) {

    static final String ID = "id";
    static final String TYPE = "type";
    static final String TIME = "time";
    static final String REPLACES_PENDING = "replacesPending";

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    Document toDocument() {
        Document document = new Document(ID, id)
                .append("topic", topic)
                .append("key", key)
                .append(TYPE, type)
                .append("source", source)
                .append("subject", subject)
                .append(TIME, Date.from(time))
                .append("data", data);
        if (traceparent != null) {
            document.append("traceparent", traceparent);
        }
        if (replacesPending) {
            document.append(REPLACES_PENDING, true);
        }
        return document;
    }

    static OutboxEntry fromDocument(Document document) {
        return new OutboxEntry(document.getString(ID), document.getString("topic"), document.getString("key"),
                document.getString(TYPE), document.getString("source"), document.getString("subject"),
                document.getDate(TIME).toInstant(), document.getString("data"), document.getString("traceparent"),
                document.getBoolean(REPLACES_PENDING, false));
    }
}

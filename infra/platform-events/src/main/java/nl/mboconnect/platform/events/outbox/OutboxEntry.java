package nl.mboconnect.platform.events.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.bson.Document;

/**
 * An event waiting in its aggregate's document to be published: everything the relay needs to
 * write the Kafka record later, on any replica, after any crash.
 *
 * @param data        the event's JSON data, exactly as it will be published
 * @param traceparent the W3C trace context of the write, or null
 */
public record OutboxEntry(String id, String topic, String key, String type, String source, String subject,
        Instant time, String data, String traceparent) {

    static final String ID = "id";
    static final String TIME = "time";

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
                .append("type", type)
                .append("source", source)
                .append("subject", subject)
                .append(TIME, Date.from(time))
                .append("data", data);
        if (traceparent != null) {
            document.append("traceparent", traceparent);
        }
        return document;
    }

    static OutboxEntry fromDocument(Document document) {
        return new OutboxEntry(document.getString(ID), document.getString("topic"), document.getString("key"),
                document.getString("type"), document.getString("source"), document.getString("subject"),
                document.getDate(TIME).toInstant(), document.getString("data"), document.getString("traceparent"));
    }
}

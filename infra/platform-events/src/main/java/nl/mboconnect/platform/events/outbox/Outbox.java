package nl.mboconnect.platform.events.outbox;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWrapper;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import nl.mboconnect.platform.events.EventType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox inside the aggregate's own document. A store writes the state change and the event in
 * one atomic single-document write:
 *
 * <pre>{@code
 * OutboxEntry event = outbox.entry(MemberEvents.REGISTERED, id, new MemberRegistered(...));
 * Outbox.insert(members, member, event);                        // or:
 * members.updateOne(filter, Updates.combine(change, Outbox.push(event)));
 * outbox.relay(members, id);                                   // publish now, off the request thread
 * }</pre>
 *
 * If the service dies before the relay ran, or Kafka is away, the {@link OutboxSweeper} publishes
 * what is still pending. Delivery is at least once; consumers make it effectively once.
 */
public final class Outbox {

    /** The array field in every aggregate document that holds its pending events, oldest first. */
    public static final String FIELD = "outbox";

    private final String source;
    private final JsonMapper json;
    private final Clock clock;
    private final Supplier<String> traceparent;
    private final OutboxRelay relay;
    private final OutboxSweeper sweeper;

    Outbox(String source, JsonMapper json, Clock clock, Supplier<String> traceparent, OutboxRelay relay,
            OutboxSweeper sweeper) {
        this.source = Objects.requireNonNull(source, "source");
        this.json = json;
        this.clock = clock;
        this.traceparent = traceparent;
        this.relay = relay;
        this.sweeper = sweeper;
    }

    /** A new event about the aggregate {@code subject}, keyed by it so its events stay in order. */
    public <T> OutboxEntry entry(EventType<T> type, String subject, T data) {
        return entry(type, subject, data, false);
    }

    /**
     * @param replacesPending a snapshot of state, which takes the place of a still-pending snapshot
     *                        of the same type when written with {@link #append}
     */
    public <T> OutboxEntry entry(EventType<T> type, String subject, T data, boolean replacesPending) {
        Objects.requireNonNull(subject, "subject");
        if (!type.dataClass().isInstance(data)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.dataClass().getSimpleName()
                    + ", not " + (data == null ? "null" : data.getClass().getSimpleName()));
        }
        return new OutboxEntry(UUID.randomUUID().toString(), type.topic(), subject, type.type(), source, subject,
                clock.instant(), json.writeValueAsString(data), traceparent.get(), replacesPending);
    }

    /** The update that appends events to the aggregate's outbox; combine it with the state change. */
    public static Bson push(OutboxEntry... entries) {
        return Updates.pushEach(FIELD, documents(entries));
    }

    /** Whether Kafka is away, as far as this process knows: the last send failed and none succeeded since. */
    public boolean kafkaAway() {
        return relay.kafkaAway();
    }

    /** Whether appending {@code entries} to {@code pending} lets a snapshot take the place of a pending one. */
    public static boolean supersedes(BsonArray pending, List<OutboxEntry> entries) {
        List<String> replacing = entries.stream().filter(OutboxEntry::replacesPending).map(OutboxEntry::type).toList();
        return !replacing.isEmpty()
                && pending.stream().map(BsonValue::asDocument).anyMatch(entry -> superseded(entry, replacing));
    }

    /**
     * The update that writes an aggregate's outbox anew from {@code pending} (as read with the state
     * the change was decided on) and {@code entries}: in order, a snapshot taking the place of a
     * pending snapshot of its type, so a document changed a thousand times while Kafka is away holds
     * one. Write it only on the condition that the outbox is still {@code pending} (the relay removes
     * what it published), or an event published meanwhile would be put back.
     */
    public static Bson replacing(BsonArray pending, List<OutboxEntry> entries) {
        List<String> replacing = entries.stream().filter(OutboxEntry::replacesPending).map(OutboxEntry::type).toList();
        BsonArray kept = new BsonArray();
        pending.stream().map(BsonValue::asDocument).filter(entry -> !superseded(entry, replacing)).forEach(kept::add);
        for (OutboxEntry entry : entries) {
            kept.add(entry.toDocument().toBsonDocument());
        }
        return Updates.set(FIELD, kept);
    }

    private static boolean superseded(BsonDocument pending, List<String> replacingTypes) {
        return pending.getBoolean(OutboxEntry.REPLACES_PENDING, BsonBoolean.FALSE).getValue()
                && replacingTypes.contains(pending.getString(OutboxEntry.TYPE).getValue());
    }

    /**
     * Inserts a new aggregate, written by its collection's codec (a record, say), together with its
     * first events, in one write.
     *
     * @throws com.mongodb.MongoWriteException with a duplicate-key error when the id exists already
     */
    public static <T> void insert(MongoCollection<T> collection, T aggregate, OutboxEntry... entries) {
        BsonDocument document = BsonDocumentWrapper.asBsonDocument(aggregate, collection.getCodecRegistry())
                .clone();
        BsonArray pending = new BsonArray();
        for (Document entry : documents(entries)) {
            pending.add(entry.toBsonDocument(BsonDocument.class, collection.getCodecRegistry()));
        }
        document.append(FIELD, pending);
        collection.withDocumentClass(BsonDocument.class).insertOne(document);
    }

    /**
     * Makes a collection's pending events known to the sweeper (so they are published after a restart)
     * and creates the index the sweeper uses. Call once, when the store is created.
     */
    public void register(MongoCollection<?> collection) {
        collection.createIndex(Indexes.ascending(FIELD + "." + OutboxEntry.TIME));
        sweeper.watch(collection.getNamespace().getCollectionName());
    }

    /** Publishes the aggregate's pending events right after the write, off the caller's thread. */
    public void relay(MongoCollection<?> collection, Object aggregateId) {
        relay.publishSoon(collection.getNamespace().getCollectionName(), aggregateId);
    }

    private static List<Document> documents(OutboxEntry... entries) {
        return Arrays.stream(entries).map(OutboxEntry::toDocument).toList();
    }
}

package nl.mboconnect.events.event;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import nl.mboconnect.platform.events.EventType;
import nl.mboconnect.platform.events.outbox.Outbox;
import nl.mboconnect.platform.events.outbox.OutboxEntry;

/**
 * Events in the collection {@code events}, one document each: what the organisers wrote, the
 * registrations (written by the registration feature through {@link #update}), the counts, and
 * the pending events (the outbox). Every change is one atomic write guarded by {@code version}.
 *
 * <p>Changes to one event are also queued per event inside this process (a fair lock), so a rush
 * of registrations is served in arrival order without a storm of retries; the version guard keeps
 * several replicas correct, where a lost race is read again and retried.
 */
@Component
public class EventStore {

    public static final String COLLECTION = "events";
    private static final int ATTEMPTS = 100;
    private static final Bson SUMMARY = Projections.exclude("registrations", Outbox.FIELD);

    private final MongoCollection<BsonDocument> events;
    private final MongoCollection<EventDocument> typed;
    private final CodecRegistry codecs;
    private final Outbox outbox;
    private final ReentrantLock[] queues = new ReentrantLock[64];

    EventStore(MongoDatabase database, Outbox outbox) {
        this.events = database.getCollection(COLLECTION, BsonDocument.class);
        this.typed = database.getCollection(COLLECTION, EventDocument.class);
        this.codecs = events.getCodecRegistry();
        this.outbox = outbox;
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new ReentrantLock(true);
        }
        outbox.register(events);
        events.createIndex(Indexes.ascending("details.start"));
        events.createIndex(Indexes.ascending("registrations.memberId"));
        events.createIndex(Indexes.ascending("nextOfferExpiry"));
    }

    /** A stored event: the domain view and the whole document, for features that keep more in it. */
    public record Stored(Event event, BsonDocument document) {
    }

    /**
     * One change to an event: the event after it, the fields to set besides the event's own (the
     * registrations, say), the events to publish with it, and what to give the caller.
     */
    public record Update<R>(Event after, Bson fields, List<OutboxEntry> entries, R result) {

        public static <R> Update<R> none(R result) {
            return new Update<>(null, null, List.of(), result);
        }
    }

    public void insert(Event event) {
        Outbox.insert(typed, EventDocument.of(event));
    }

    /** Whether no event is stored at all (the demo data goes only into an empty collection). */
    public boolean isEmpty() {
        return events.find().projection(Projections.include("_id")).first() == null;
    }

    /** The event without its registrations. */
    public Optional<Event> find(String id) {
        return Optional.ofNullable(events.find(eq("_id", id)).projection(SUMMARY).first()).map(this::toEvent);
    }

    public Optional<Stored> load(String id) {
        return Optional.ofNullable(events.find(eq("_id", id)).first())
                .map(document -> new Stored(toEvent(document), document));
    }

    /** Events matching the filter, without their registrations, in the given order. */
    public List<Event> findAll(Bson filter, Bson sort, int limit) {
        List<Event> found = new ArrayList<>();
        events.find(filter).projection(SUMMARY).sort(sort).limit(limit).forEach(document -> found.add(toEvent(document)));
        return found;
    }

    /** Whole documents, for features that read what they keep in them (registrations). */
    public List<Stored> loadAll(Bson filter, Bson sort, int limit) {
        List<Stored> found = new ArrayList<>();
        events.find(filter).sort(sort).limit(limit).forEach(document -> found.add(new Stored(toEvent(document), document)));
        return found;
    }

    public <T> T decode(BsonDocument document, Class<T> type) {
        return codecs.get(type).decode(new BsonDocumentReader(document), DecoderContext.builder().build());
    }

    public <T> OutboxEntry entry(EventType<T> type, String eventId, T data) {
        return outbox.entry(type, eventId, data);
    }

    /**
     * Reads the event, lets {@code change} decide, and writes the outcome if nobody changed the event
     * in between; otherwise reads again. Adds the partner snapshot when a public event (or one that
     * just stopped being public) changed in what partners see.
     *
     * @throws EventProblem not found when the event does not exist
     */
    public <R> R update(String id, Function<Stored, Update<R>> change) {
        ReentrantLock queue = queues[Math.floorMod(id.hashCode(), queues.length)];
        queue.lock();
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Stored before = load(id).orElseThrow(() -> EventProblem.notFound("event " + id));
                Update<R> update = change.apply(before);
                if (update.after() == null && update.entries().isEmpty()) {
                    return update.result();
                }
                Event after = update.after() == null ? before.event() : update.after();
                List<OutboxEntry> entries = new ArrayList<>(update.entries());
                if (partnersSeeChange(before.event(), after)) {
                    entries.add(outbox.entry(PartnerEvents.CHANGED, id, PartnerEvents.PublicEvent.of(after)));
                }
                List<Bson> sets = new ArrayList<>();
                sets.add(Updates.set("version", before.event().version() + 1));
                if (after.equals(before.event().withOccupancy(after.occupancy()))) {
                    sets.add(Updates.set("occupancy", after.occupancy())); // only the counts moved
                } else {
                    sets.add(Updates.set("status", after.status()));
                    sets.add(Updates.set("details", after.details()));
                    sets.add(Updates.set("organisers", after.organisers()));
                    sets.add(Updates.set("updatedAt", after.updatedAt()));
                    sets.add(Updates.set("publishedAt", after.publishedAt()));
                    sets.add(Updates.set("cancelReason", after.cancelReason()));
                    sets.add(Updates.set("sequence", after.sequence()));
                    sets.add(Updates.set("occupancy", after.occupancy()));
                }
                if (update.fields() != null) {
                    sets.add(update.fields());
                }
                if (!entries.isEmpty()) {
                    sets.add(Outbox.push(entries.toArray(OutboxEntry[]::new)));
                }
                if (events.updateOne(and(eq("_id", id), eq("version", before.event().version())), Updates.combine(sets))
                        .getModifiedCount() == 1) {
                    if (!entries.isEmpty()) {
                        outbox.relay(events, id);
                    }
                    return update.result();
                }
                pause(attempt); // another replica changed the event since we read it
            }
            throw new IllegalStateException("event " + id + " kept changing; gave up after " + ATTEMPTS + " attempts");
        } finally {
            queue.unlock();
        }
    }

    private static boolean partnersSeeChange(Event before, Event after) {
        if (!before.isPublic() && !after.isPublic()) {
            return false;
        }
        return before.isPublic() != after.isPublic() || before.status() != after.status()
                || !before.details().equals(after.details()) || !before.occupancy().equals(after.occupancy());
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5 + Math.min(attempt, 20) * 2L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private Event toEvent(BsonDocument document) {
        return decode(document, EventDocument.class).toEvent();
    }

    /** The stored form; public only because the driver's record codec reads it reflectively. */
    public record EventDocument(@BsonId String id, EventStatus status, EventDetails details, List<String> organisers,
            String createdBy, java.time.Instant createdAt, java.time.Instant updatedAt, java.time.Instant publishedAt,
            String cancelReason, int sequence, long version, Occupancy occupancy) {

        static EventDocument of(Event event) {
            return new EventDocument(event.id(), event.status(), event.details(), event.organisers(), event.createdBy(),
                    event.createdAt(), event.updatedAt(), event.publishedAt(), event.cancelReason(), event.sequence(),
                    event.version(), event.occupancy());
        }

        Event toEvent() {
            return new Event(id, status, details, organisers, createdBy, createdAt, updatedAt, publishedAt, cancelReason,
                    sequence, version, occupancy);
        }
    }
}

package nl.mboconnect.platform.events.aggregate;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.events.outbox.Outbox;
import nl.mboconnect.platform.events.outbox.OutboxEntry;

/**
 * One kind of aggregate in a collection of its own, one document each with its pending events
 * beside it: the one way a service changes an aggregate. {@link #update} reads it, lets the domain
 * decide, and writes the outcome only if nobody changed the aggregate in between (a condition on
 * its version), with the events it announces in the same single-document write; the relay
 * publishes them right after, the sweeper after a crash. No transactions are needed, and no
 * change is ever half written.
 *
 * <p>Only the fields the change touched are written, so a change of counts does not rewrite what an
 * organiser wrote. Changes to one aggregate queue fairly inside this process, so a rush on one
 * aggregate is served in arrival order without a storm of retries; between replicas the version
 * condition decides and the loser reads again. Nobody waits without end: past {@code wait} the
 * caller is told to come back ({@link Refusal.Kind#UNAVAILABLE}, code {@code busy}).
 *
 * @param <D> the stored form, a record the collection's codec writes (with {@code @BsonId} on its id)
 */
public final class AggregateStore<D extends Record & StoredAggregate> {

    private static final Logger log = LoggerFactory.getLogger(AggregateStore.class);
    static final String VERSION = "version";
    private static final int STRIPES = 256;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final String singular;
    private final MongoCollection<D> typed;
    private final MongoCollection<BsonDocument> raw;
    private final Class<D> type;
    private final Outbox outbox;
    private final Duration wait;
    private final ReentrantLock[] queues = new ReentrantLock[STRIPES];
    private final Counter conflicts;
    private final Counter busy;

    AggregateStore(MongoCollection<D> collection, Class<D> type, String singular, Outbox outbox, Duration wait,
            MeterRegistry meters) {
        this.singular = singular;
        this.typed = collection;
        this.raw = collection.withDocumentClass(BsonDocument.class);
        this.type = type;
        this.outbox = outbox;
        this.wait = wait;
        for (int i = 0; i < STRIPES; i++) {
            queues[i] = new ReentrantLock(true);
        }
        String name = collection.getNamespace().getCollectionName();
        this.conflicts = Counter.builder("mbo.aggregate.write.conflicts").tag("collection", name)
                .description("writes that found the aggregate changed since it was read, and read again")
                .register(meters);
        this.busy = Counter.builder("mbo.aggregate.busy").tag("collection", name)
                .description("changes refused because the aggregate stayed busy past the wait").register(meters);
        outbox.register(collection);
    }

    /** The collection, for the indexes and queries of the store that owns it. */
    public MongoCollection<D> collection() {
        return typed;
    }

    public Optional<D> find(String id) {
        return Optional.ofNullable(typed.find(eq("_id", id)).first());
    }

    /** The aggregate without some of its (large) fields, which come back empty. */
    public Optional<D> findWithout(String id, String... fields) {
        return Optional.ofNullable(typed.find(eq("_id", id)).projection(without(fields)).first());
    }

    /** Aggregates matching the filter in the given order, without the named (large) fields. */
    public List<D> findAll(Bson filter, Bson sort, int limit, String... without) {
        List<D> found = new ArrayList<>();
        typed.find(filter).projection(without(without)).sort(sort).limit(limit).forEach(found::add);
        return found;
    }

    /** The aggregate with every part of its document, for reading what other features keep in it. */
    public Optional<Loaded<D>> load(String id) {
        return Optional.ofNullable(raw.find(eq("_id", id)).first()).map(this::loaded);
    }

    /** Whole documents matching the filter, in the given order. */
    public List<Loaded<D>> loadAll(Bson filter, Bson sort, int limit) {
        List<Loaded<D>> found = new ArrayList<>();
        raw.find(filter).projection(without()).sort(sort).limit(limit).forEach(document -> found.add(loaded(document)));
        return found;
    }

    /**
     * For a member's erasure, where others' aggregates name them as the one who did something (a
     * beheerder's decision, a group's owner, a note): every {@code {id, name}} naming the member, at
     * any depth, becomes {@code {id: formerId, name: formerName}}, in each aggregate where one of
     * {@code paths} holds their id. Written as any change is (versioned, retried on a conflict); safe
     * to do again. Returns how many aggregates changed.
     */
    public int replaceActor(String memberId, String formerId, String formerName, String... paths) {
        List<Bson> naming = new ArrayList<>();
        for (String path : paths) {
            naming.add(eq(path, memberId));
        }
        List<String> ids = new ArrayList<>();
        raw.find(com.mongodb.client.model.Filters.or(naming)).projection(Projections.include("_id"))
                .forEach(document -> ids.add(document.getString("_id").getValue()));
        int changed = 0;
        for (String id : ids) {
            Boolean done = update(id, loaded -> {
                BsonDocument document = loaded.document().clone();
                document.remove(Outbox.FIELD);
                if (!replaceActor(document, memberId, formerId, formerName)) {
                    return Change.none(false);
                }
                return Change.to(Loaded.decode(document, type, typed.getCodecRegistry()), true);
            });
            changed += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return changed;
    }

    private static boolean replaceActor(org.bson.BsonValue value, String memberId, String formerId,
            String formerName) {
        boolean replaced = false;
        if (value.isDocument()) {
            BsonDocument document = value.asDocument();
            org.bson.BsonValue id = document.get("id");
            if (id != null && id.isString() && id.asString().getValue().equals(memberId)) {
                document.put("id", new org.bson.BsonString(formerId));
                if (document.containsKey("name")) {
                    document.put("name", new org.bson.BsonString(formerName));
                }
                replaced = true;
            }
            for (org.bson.BsonValue inner : document.values()) {
                replaced |= replaceActor(inner, memberId, formerId, formerName);
            }
        } else if (value.isArray()) {
            for (org.bson.BsonValue inner : value.asArray()) {
                replaced |= replaceActor(inner, memberId, formerId, formerName);
            }
        }
        return replaced;
    }

    /**
     * One update to every aggregate matching {@code filter}, in one write, for what changes many
     * aggregates alike outside their own decisions (a member's new name or erasure, wherever it
     * shows). Each aggregate it changes counts as changed (its version goes up), so a change decided
     * on an aggregate as it was is decided again. Writes no outbox entry: use {@link #update} for a
     * change others hear of. Returns how many aggregates changed.
     */
    public long updateMatching(Bson filter, Bson update) {
        return raw.updateMany(filter, Updates.combine(update, Updates.inc(VERSION, 1))).getModifiedCount();
    }

    public boolean isEmpty() {
        return raw.find().projection(Projections.include("_id")).first() == null;
    }

    /**
     * Inserts a new aggregate with the first events about it, in one write.
     *
     * @return false when an aggregate with its id exists already (nothing is written)
     */
    public boolean insert(D aggregate, OutgoingEvent<?>... events) {
        try {
            Outbox.insert(typed, aggregate, entries(aggregate.id(), List.of(events)).toArray(OutboxEntry[]::new));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        if (events.length > 0) {
            outbox.relay(typed, aggregate.id());
        }
        return true;
    }

    /**
     * Reads the aggregate, lets {@code decide} say what changes, and writes that with the events it
     * announces if nobody changed the aggregate in between; otherwise reads again and asks again.
     *
     * @throws Refusal not found when there is no such aggregate, unavailable ({@code busy}) when it
     *                 stayed busy longer than the wait; and whatever {@code decide} refuses
     */
    public <R> R update(String id, Function<Loaded<D>, Change<D, R>> decide) {
        Objects.requireNonNull(id, "id");
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock queue = queues[Math.floorMod(id.hashCode(), STRIPES)];
        try {
            if (!queue.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(id);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(id);
        }
        try {
            Change<D, R> written = decideAndWrite(id, decide, deadline);
            for (Runnable followUp : written.followUps()) {
                try {
                    followUp.run();
                } catch (RuntimeException e) {
                    log.warn("{} {}: a follow-up of a written change failed; it is done again later: {}", singular,
                            id, e.toString());
                }
            }
            return written.result();
        } finally {
            queue.unlock();
        }
    }

    private <R> Change<D, R> decideAndWrite(String id, Function<Loaded<D>, Change<D, R>> decide, long deadline) {
        for (int attempt = 0;; attempt++) {
            BsonDocument stored = raw.find(eq("_id", id)).first();
            if (stored == null) {
                throw Refusal.notFound(singular + " " + id);
            }
            Loaded<D> loaded = loaded(stored);
            D before = loaded.aggregate();
            Change<D, R> change = decide.apply(loaded);
            if (change.writesNothing()) {
                return Change.none(change.result());
            }
            if (write(id, stored, before, change)) {
                return change;
            }
            conflicts.increment(); // another replica changed it since we read it
            if (System.nanoTime() > deadline) {
                throw busy(id);
            }
            pause(attempt);
        }
    }

    private <R> boolean write(String id, BsonDocument stored, D before, Change<D, R> change) {
        long version = stored.getNumber(VERSION).longValue();
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set(VERSION, version + 1));
        if (change.after() != null) {
            updates.addAll(changedFields(encode(before), encode(change.after())));
        }
        for (Record part : change.parts()) {
            updates.addAll(changedFields(encode(Loaded.decode(stored, part.getClass(), typed.getCodecRegistry())),
                    encode(part)));
        }
        List<OutboxEntry> entries = entries(id, change.events());
        Bson unchanged = and(eq("_id", id), eq(VERSION, version));
        if (!entries.isEmpty()) {
            BsonArray pending = stored.getArray(Outbox.FIELD, new BsonArray());
            // while Kafka is away, a snapshot takes the place of a pending one, so the document stays
            // small; that write holds only if the relay removed nothing meanwhile. Otherwise: append.
            if (outbox.kafkaAway() && Outbox.supersedes(pending, entries)) {
                updates.add(Outbox.replacing(pending, entries));
                unchanged = and(unchanged, eq(Outbox.FIELD, pending));
            } else {
                updates.add(Outbox.push(entries.toArray(OutboxEntry[]::new)));
            }
        }
        boolean written = raw.updateOne(unchanged, Updates.combine(updates)).getMatchedCount() == 1;
        if (written && !entries.isEmpty()) {
            outbox.relay(raw, id);
        }
        return written;
    }

    /** {@code $set} for every field the change gave another value, {@code $unset} for those it took away. */
    private static List<Bson> changedFields(BsonDocument before, BsonDocument after) {
        List<Bson> updates = new ArrayList<>();
        for (var field : after.entrySet()) {
            String name = field.getKey();
            if (!name.equals("_id") && !name.equals(VERSION) && !field.getValue().equals(before.get(name))) {
                updates.add(Updates.set(name, field.getValue()));
            }
        }
        for (String name : before.keySet()) {
            if (!after.containsKey(name) && !name.equals("_id") && !name.equals(VERSION)) {
                updates.add(Updates.unset(name));
            }
        }
        return updates;
    }

    private List<OutboxEntry> entries(String id, List<OutgoingEvent<?>> events) {
        List<OutboxEntry> entries = new ArrayList<>(events.size());
        for (OutgoingEvent<?> event : events) {
            entries.add(entry(id, event));
        }
        return entries;
    }

    private <T> OutboxEntry entry(String id, OutgoingEvent<T> event) {
        return outbox.entry(event.type(), id, event.data(), event.replacesPending());
    }

    private Loaded<D> loaded(BsonDocument document) {
        return new Loaded<>(Loaded.decode(document, type, typed.getCodecRegistry()), document,
                typed.getCodecRegistry());
    }

    /** The fields a record writes, as the collection's codecs write them. */
    @SuppressWarnings("unchecked")
    private <P> BsonDocument encode(P record) {
        Codec<P> codec = (Codec<P>) typed.getCodecRegistry().get(record.getClass());
        BsonDocument document = new BsonDocument();
        codec.encode(new BsonDocumentWriter(document), record, EncoderContext.builder().build());
        return document;
    }

    private Refusal busy(String id) {
        busy.increment();
        return Refusal.unavailable("busy", singular + " " + id + " is being changed by many at once; try again",
                RETRY_AFTER);
    }

    private static Bson without(String... fields) {
        List<String> excluded = new ArrayList<>(List.of(fields));
        excluded.add(Outbox.FIELD);
        return Projections.exclude(excluded);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5 + Math.min(attempt, 20) * 2L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}

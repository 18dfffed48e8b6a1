package nl.mboconnect.platform.events.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.mboconnect.platform.events.Envelope;

/**
 * Publishes an aggregate's pending events in the order they were written and removes each from the
 * document once Kafka has acknowledged it. A failure leaves the rest pending for the sweeper.
 */
final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MIN_BACK_OFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);

    private final MongoDatabase database;
    private final KafkaOperations<String, byte[]> kafka;
    private final Executor executor;
    private final Duration sendTimeout;
    private final Counter published;
    private final Counter failed;
    private final Object[] stripes = new Object[64];
    private final Function<String, TraceScope> traceScope;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** While Kafka does not answer: when to try again, doubling up to half a minute; 0 when it answers. */
    private volatile long awayUntil;
    private volatile long backOffNanos;

    OutboxRelay(MongoDatabase database, KafkaOperations<String, byte[]> kafka, Executor executor,
            Duration sendTimeout, MeterRegistry meters, Function<String, TraceScope> traceScope) {
        this.database = database;
        this.traceScope = traceScope;
        this.kafka = kafka;
        this.executor = executor;
        this.sendTimeout = sendTimeout;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
        this.published = Counter.builder("mbo.outbox.published").description("events published from outboxes")
                .register(meters);
        this.failed = Counter.builder("mbo.outbox.publish.failures")
                .description("attempts to publish an outbox event that failed and were left for the sweeper")
                .register(meters);
    }

    /**
     * Publishes the aggregate's pending events soon, off the caller's thread. One relay per aggregate
     * waits at a time (a burst of writes to one aggregate is published by one pass), and none is
     * queued while Kafka is known to be away: the sweeper publishes those once it is back, instead of
     * a queue of thousands each waiting for Kafka in turn.
     */
    void publishSoon(String collection, Object aggregateId) {
        if (waitingForKafka()) {
            return;
        }
        String key = collection + "/" + aggregateId;
        if (!queued.add(key)) {
            return; // a relay that has not started yet will publish this write's events too
        }
        try {
            executor.execute(() -> {
                queued.remove(key);
                publishPending(collection, aggregateId);
            });
        } catch (RejectedExecutionException e) {
            queued.remove(key);
            log.debug("relay not accepted (shutting down?); the sweeper will publish {}", key);
        }
    }

    /** Whether the last send failed and none succeeded since: Kafka is away, as far as this process knows. */
    boolean kafkaAway() {
        return backOffNanos != 0;
    }

    /** Kafka is away and its back-off has not passed: only the sweeper's probe tries. */
    boolean waitingForKafka() {
        long until = awayUntil;
        return until != 0 && System.nanoTime() - until < 0;
    }

    /**
     * @return how many events were published; stops at the first failure so order is kept. Within
     *         this process one relay at a time works on an aggregate, so a burst of writes to it
     *         publishes each event once; across replicas a repeat is possible and harmless.
     */
    int publishPending(String collectionName, Object aggregateId) {
        synchronized (stripes[Math.floorMod(Objects.hash(collectionName, aggregateId), stripes.length)]) {
            return publishPendingNow(collectionName, aggregateId);
        }
    }

    /**
     * Sends every pending event of the aggregate at once (one key, so one partition, in order), waits
     * for Kafka's acknowledgements in that order, and removes the acknowledged ones in one write: a
     * burst of writes to one aggregate costs one round trip to Kafka and one to MongoDB, not one
     * of each per event. A failure keeps it and everything after it pending.
     */
    private int publishPendingNow(String collectionName, Object aggregateId) {
        MongoCollection<Document> collection = database.getCollection(collectionName);
        Document aggregate = collection.find(eq("_id", aggregateId)).projection(include(Outbox.FIELD)).first();
        if (aggregate == null) {
            return 0;
        }
        List<Document> pending = aggregate.getList(Outbox.FIELD, Document.class, List.of());
        List<OutboxEntry> entries = pending.stream().map(OutboxEntry::fromDocument).toList();
        List<CompletableFuture<?>> sends = new ArrayList<>(entries.size());
        for (OutboxEntry entry : entries) {
            CompletableFuture<?> send = send(entry);
            sends.add(send);
            if (send.isCompletedExceptionally()) {
                break;
            }
        }
        List<String> acknowledged = new ArrayList<>(sends.size());
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (int i = 0; i < sends.size(); i++) {
            if (!acknowledged(entries.get(i), sends.get(i), deadline)) {
                break;
            }
            acknowledged.add(entries.get(i).id());
        }
        if (!acknowledged.isEmpty()) {
            collection.updateOne(eq("_id", aggregateId), Updates.pull(Outbox.FIELD,
                    new Document(OutboxEntry.ID, new Document("$in", acknowledged))));
            published.increment(acknowledged.size());
        }
        return acknowledged.size();
    }

    private CompletableFuture<?> send(OutboxEntry entry) {
        // within the trace of the write, so the relay's own log lines carry its trace id
        try (TraceScope scope = traceScope.apply(entry.traceparent())) {
            return kafka.send(record(entry));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A span made current for a while; closing ends it. */
    interface TraceScope extends AutoCloseable {

        @Override
        void close();
    }

    private boolean acknowledged(OutboxEntry entry, CompletableFuture<?> send, long deadline) {
        try {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (backOffNanos != 0) {
                log.info("Kafka answers again; the relay publishes right after each write");
                backOffNanos = 0;
                awayUntil = 0;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            failed.increment();
            backOffNanos = Math.min(MAX_BACK_OFF.toNanos(), Math.max(MIN_BACK_OFF.toNanos(), backOffNanos * 2));
            awayUntil = System.nanoTime() + backOffNanos;
            log.warn("could not publish {} {} to {} yet; it stays in the outbox: {}", entry.type(), entry.id(),
                    entry.topic(), e.getCause() == null ? e.toString() : e.getCause().toString());
            return false;
        }
    }

    static ProducerRecord<String, byte[]> record(OutboxEntry entry) {
        return Envelope.record(entry.topic(), entry.key(), entry.id(), entry.source(), entry.type(),
                entry.subject(), entry.time(), entry.data().getBytes(StandardCharsets.UTF_8), entry.traceparent());
    }
}

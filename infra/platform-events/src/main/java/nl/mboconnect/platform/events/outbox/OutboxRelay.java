package nl.mboconnect.platform.events.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.mboconnect.platform.events.CloudEventHeaders;

/**
 * Publishes an aggregate's pending events in the order they were written and removes each from the
 * document once Kafka has acknowledged it. A failure leaves the rest pending for the sweeper.
 */
final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoDatabase database;
    private final KafkaOperations<String, byte[]> kafka;
    private final Executor executor;
    private final Duration sendTimeout;
    private final Counter published;
    private final Counter failed;
    private final Object[] stripes = new Object[64];
    private final Function<String, TraceScope> traceScope;

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

    void publishSoon(String collection, Object aggregateId) {
        try {
            executor.execute(() -> publishPending(collection, aggregateId));
        } catch (RejectedExecutionException e) {
            log.debug("relay not accepted (shutting down?); the sweeper will publish {}/{}", collection, aggregateId);
        }
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

    private int publishPendingNow(String collectionName, Object aggregateId) {
        MongoCollection<Document> collection = database.getCollection(collectionName);
        Document aggregate = collection.find(eq("_id", aggregateId)).projection(include(Outbox.FIELD)).first();
        if (aggregate == null) {
            return 0;
        }
        List<Document> pending = aggregate.getList(Outbox.FIELD, Document.class, List.of());
        int count = 0;
        for (Document document : pending) {
            OutboxEntry entry = OutboxEntry.fromDocument(document);
            if (!send(entry)) {
                return count;
            }
            collection.updateOne(eq("_id", aggregateId),
                    Updates.pull(Outbox.FIELD, new Document(OutboxEntry.ID, entry.id())));
            published.increment();
            count++;
        }
        return count;
    }

    private boolean send(OutboxEntry entry) {
        // within the trace of the write, so the relay's own log lines carry its trace id
        try (TraceScope scope = traceScope.apply(entry.traceparent())) {
            return sendNow(entry);
        }
    }

    /** A span made current for a while; closing ends it. */
    interface TraceScope extends AutoCloseable {

        @Override
        void close();
    }

    private boolean sendNow(OutboxEntry entry) {
        try {
            kafka.send(record(entry)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            failed.increment();
            log.warn("could not publish {} {} to {} yet; it stays in the outbox: {}", entry.type(), entry.id(),
                    entry.topic(), e.getCause() == null ? e.toString() : e.getCause().toString());
            return false;
        }
    }

    static ProducerRecord<String, byte[]> record(OutboxEntry entry) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(entry.topic(), null, entry.time().toEpochMilli(),
                entry.key(), entry.data().getBytes(StandardCharsets.UTF_8));
        Headers headers = record.headers();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(headers, CloudEventHeaders.ID, entry.id());
        add(headers, CloudEventHeaders.SOURCE, entry.source());
        add(headers, CloudEventHeaders.TYPE, entry.type());
        add(headers, CloudEventHeaders.SUBJECT, entry.subject());
        add(headers, CloudEventHeaders.TIME, entry.time().toString());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        add(headers, CloudEventHeaders.TRACEPARENT, entry.traceparent());
        return record;
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}

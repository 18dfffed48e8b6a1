package nl.mboconnect.platform.events.it;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import nl.mboconnect.platform.events.EventTopics;
import nl.mboconnect.platform.events.EventType;
import nl.mboconnect.platform.events.aggregate.AggregateStore;
import nl.mboconnect.platform.events.aggregate.Aggregates;
import nl.mboconnect.platform.events.aggregate.StoredAggregate;
import nl.mboconnect.platform.events.consumer.IdempotentConsumer;
import nl.mboconnect.platform.events.outbox.Outbox;
import nl.mboconnect.platform.events.readmodel.ReadModel;
import nl.mboconnect.platform.events.readmodel.ReadModels;

/** A small service of its own, to put the shared mechanisms through their paces. */
@SpringBootApplication
public class ParcelApplication {

    static final EventType<ParcelSent> SENT = EventType.of("test.parcel.v1", "nl.mboconnect.test.parcel.sent.v1",
            ParcelSent.class);

    public record ParcelSent(String parcelId, String destination, Instant sentAt) {
    }

    @Bean
    EventTopics parcelTopics() {
        return EventTopics.none().produces(SENT).consumes(SENT.topic());
    }

    static final EventType<ShelfFilled> FILLED = EventType.of("test.shelf.v1", "nl.mboconnect.test.shelf.filled.v1",
            ShelfFilled.class);
    static final EventType<ShelfSnapshot> SNAPSHOT = EventType.of("test.shelf-snapshots.v1",
            "nl.mboconnect.test.shelf.changed.v1", ShelfSnapshot.class);

    /** A shelf of parcels: an aggregate of the platform's aggregate store, with a part another feature keeps. */
    public record Shelf(@BsonId String id, String label, int parcels, long version) implements StoredAggregate {
    }

    /** What another feature keeps in the shelf's document. */
    public record ShelfNotes(List<String> notes) {
    }

    public record ShelfFilled(String shelfId, int parcels) {
    }

    public record ShelfSnapshot(String shelfId, String label, int parcels, long revision) {
    }

    @Bean
    EventTopics shelfTopics() {
        return EventTopics.none().produces(FILLED, SNAPSHOT);
    }

    @Bean
    AggregateStore<Shelf> shelves(Aggregates aggregates) {
        return aggregates.store("shelves", Shelf.class, "shelf");
    }

    static final String RECIPIENTS = "test.recipient.v1";
    static final String NAMED = "nl.mboconnect.test.recipient.named.v1";
    static final String MOVED = "nl.mboconnect.test.recipient.moved.v1";
    static final String FORGOTTEN = "nl.mboconnect.test.recipient.forgotten.v1";

    /** Who parcels go to, as another service tells it: a read model of ours, only the fields we read. */
    public record Recipient(@BsonId String recipientId, String name, String city) {
    }

    record RecipientNamed(String recipientId, String name) {
    }

    record RecipientMoved(String recipientId, String city) {
    }

    record RecipientForgotten(String recipientId) {
    }

    @Bean
    ReadModel<Recipient> recipients(ReadModels readModels) {
        return readModels.define("recipients", Recipient.class)
                .from(RECIPIENTS)
                .keep(NAMED, RecipientNamed.class, named -> new Recipient(named.recipientId(), named.name(), null))
                .keep(MOVED, RecipientMoved.class, moved -> new Recipient(moved.recipientId(), null, moved.city()))
                .remove(FORGOTTEN, RecipientForgotten.class, RecipientForgotten::recipientId)
                .aboutMember("_id")
                .build();
    }

    @Component
    public static class Parcels {

        final MongoCollection<Document> parcels;
        private final Outbox outbox;

        Parcels(MongoDatabase database, Outbox outbox) {
            this.parcels = database.getCollection("parcels");
            this.outbox = outbox;
            outbox.register(parcels);
        }

        public void send(String id, String destination) {
            var event = outbox.entry(SENT, id, new ParcelSent(id, destination, Instant.now()));
            Outbox.insert(parcels, new Document("_id", id).append("destination", destination), event);
            outbox.relay(parcels, id);
        }

        public void redirect(String id, String destination) {
            var event = outbox.entry(SENT, id, new ParcelSent(id, destination, Instant.now()));
            parcels.updateOne(Filters.eq("_id", id),
                    Updates.combine(Updates.set("destination", destination), Outbox.push(event)));
            outbox.relay(parcels, id);
        }

        public int pending(String id) {
            Document parcel = parcels.find(Filters.eq("_id", id)).first();
            return parcel == null ? 0 : parcel.getList(Outbox.FIELD, Document.class, java.util.List.of()).size();
        }
    }

    /**
     * Counts every attempt (before the data is read, where a retry would happen) and what it handled;
     * "fail-always" fails every time, "fail-once…" the first time, "fail-until-mended…" until
     * {@link #mended} is set.
     */
    @Component
    public static class ParcelListener {

        public final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        public final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        public final Map<String, String> traceIds = new ConcurrentHashMap<>();
        public volatile boolean mended;
        private final IdempotentConsumer consumer;
        private final io.micrometer.tracing.Tracer tracer;

        ParcelListener(IdempotentConsumer consumer, io.micrometer.tracing.Tracer tracer) {
            this.consumer = consumer;
            this.tracer = tracer;
        }

        @KafkaListener(id = "parcel-listener", topics = "test.parcel.v1")
        void on(ConsumerRecord<String, byte[]> record) {
            var id = record.headers().lastHeader("ce_id");
            int attempt = attempts.computeIfAbsent(id == null ? "no-id:" + record.key() : new String(id.value(),
                    java.nio.charset.StandardCharsets.UTF_8), key -> new AtomicInteger()).incrementAndGet();
            consumer.handle("parcel-listener", record, event -> {
                ParcelSent parcel = event.data(ParcelSent.class);
                if (parcel.destination().equals("fail-always")
                        || parcel.destination().startsWith("fail-once") && attempt == 1
                        || parcel.destination().startsWith("fail-until-mended") && !mended) {
                    throw new IllegalStateException("cannot deliver to " + parcel.destination() + " yet");
                }
                var span = tracer.currentSpan();
                if (span != null) {
                    traceIds.put(parcel.parcelId(), span.context().traceId());
                }
                handled.computeIfAbsent(event.id(), key -> new AtomicInteger()).incrementAndGet();
            });
        }
    }
}

package nl.mboconnect.platform.events.it;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
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
import nl.mboconnect.platform.events.consumer.IdempotentConsumer;
import nl.mboconnect.platform.events.outbox.Outbox;

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

    /** Counts what it handled; destinations starting with "fail" make it throw that many times. */
    @Component
    public static class ParcelListener {

        public final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        public final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        public final Map<String, String> traceIds = new ConcurrentHashMap<>();
        private final IdempotentConsumer consumer;
        private final io.micrometer.tracing.Tracer tracer;

        ParcelListener(IdempotentConsumer consumer, io.micrometer.tracing.Tracer tracer) {
            this.consumer = consumer;
            this.tracer = tracer;
        }

        @KafkaListener(id = "parcel-listener", topics = "test.parcel.v1")
        void on(ConsumerRecord<String, byte[]> record) {
            consumer.handle("parcel-listener", record, event -> {
                ParcelSent parcel = event.data(ParcelSent.class);
                int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
                if (parcel.destination().equals("fail-always")
                        || parcel.destination().startsWith("fail-once") && attempt == 1) {
                    throw new IllegalStateException("cannot deliver to " + parcel.destination() + " yet");
                }
                var span = tracer.currentSpan();
                if (span != null) {
                    traceIds.put(parcel.parcelId(), span.context().traceId());
                }
                handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            });
        }
    }
}

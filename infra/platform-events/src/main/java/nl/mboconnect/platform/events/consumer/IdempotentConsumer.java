package nl.mboconnect.platform.events.consumer;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.mboconnect.platform.events.IncomingEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes at-least-once delivery effectively once: each consumer records the ids of the events it has
 * handled (unique index on consumer and event id) and skips an event it has seen before.
 *
 * <p>The id is recorded after the handler succeeded, so a crash in between replays the event;
 * handlers are therefore written as idempotent upserts too (see {@link ReadModels}). Old ids are
 * removed by date in code ({@link #forgetHandledBefore}), because TTL indexes never expire on the
 * embedded MongoDB-wire server.
 */
public final class IdempotentConsumer {

    static final String COLLECTION = "handled_events";
    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final MongoCollection<Document> handled;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    IdempotentConsumer(MongoDatabase database, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.handled = database.getCollection(COLLECTION);
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        handled.createIndex(Indexes.ascending("consumer", "eventId"), new IndexOptions().unique(true));
        handled.createIndex(Indexes.ascending("handledAt"));
    }

    /**
     * Hands the record's event to the handler unless this consumer handled it before.
     *
     * @param consumer a name stable across restarts and replicas, e.g. {@code member-directory}
     * @return true when the handler ran, false for a repeat
     */
    public boolean handle(String consumer, ConsumerRecord<String, byte[]> record, EventHandler handler) {
        IncomingEvent event = IncomingEvent.from(record, json);
        if (handled.find(and(eq("consumer", consumer), eq("eventId", event.id()))).first() != null) {
            log.debug("{} skips {}: already handled", consumer, event);
            counter(consumer, "repeat").increment();
            return false;
        }
        handler.handle(event);
        try {
            handled.insertOne(new Document("consumer", consumer).append("eventId", event.id())
                    .append("type", event.type()).append("handledAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        counter(consumer, "handled").increment();
        return true;
    }

    /** Removes the record of events handled before {@code now - retention}; returns how many. */
    public long forgetHandledBefore(Duration retention) {
        return handled.deleteMany(lt("handledAt", Date.from(clock.instant().minus(retention)))).getDeletedCount();
    }

    private Counter counter(String consumer, String outcome) {
        return Counter.builder("mbo.events.consumed").tag("consumer", consumer).tag("outcome", outcome)
                .description("events read by idempotent consumers").register(meters);
    }
}

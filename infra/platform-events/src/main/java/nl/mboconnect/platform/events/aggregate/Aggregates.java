package nl.mboconnect.platform.events.aggregate;

import java.time.Duration;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import nl.mboconnect.platform.events.outbox.Outbox;

/** Makes the {@link AggregateStore} of each kind of aggregate a service keeps. */
public final class Aggregates {

    private final MongoDatabase database;
    private final Outbox outbox;
    private final Duration wait;
    private final MeterRegistry meters;

    /** @param wait how long a change may wait for its turn on a busy aggregate before it is refused */
    public Aggregates(MongoDatabase database, Outbox outbox, Duration wait, MeterRegistry meters) {
        this.database = database;
        this.outbox = outbox;
        this.wait = wait;
        this.meters = meters;
    }

    /**
     * @param collection where the aggregates live, one document each
     * @param type       their stored form
     * @param singular   what one is called in a refusal ("event", "member")
     */
    public <D extends Record & StoredAggregate> AggregateStore<D> store(String collection, Class<D> type,
            String singular) {
        return new AggregateStore<>(database.getCollection(collection, type), type, singular, outbox, wait, meters);
    }

    /**
     * A line in which many callers' operations on one aggregate are decided together, up to
     * {@code maxBatch} in one write, waiting at most as long as a change does.
     *
     * @param singular what one aggregate is called in a refusal ("event", "poll")
     */
    public <O, R> Combiner<O, R> combiner(String singular, int maxBatch) {
        return new Combiner<>(singular, maxBatch, wait, meters);
    }
}

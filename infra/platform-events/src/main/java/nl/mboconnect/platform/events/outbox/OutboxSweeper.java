package nl.mboconnect.platform.events.outbox;

import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Projections.include;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;

/**
 * Re-publishes what is still pending in the registered collections: events whose relay never ran
 * (the service died after the write) or failed (Kafka was away). It leaves young entries to the
 * relay, so the two seldom publish the same event; when they do, consumers drop the repeat. While
 * Kafka is away it probes with one aggregate per pass.
 */
final class OutboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);
    private static final int BATCH = 500;

    private final MongoDatabase database;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Duration minimumAge;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();

    OutboxSweeper(MongoDatabase database, OutboxRelay relay, Clock clock, Duration minimumAge) {
        this.database = database;
        this.relay = relay;
        this.clock = clock;
        this.minimumAge = minimumAge;
    }

    void watch(String collection) {
        collections.add(collection);
    }

    /**
     * @return how many events were published in this pass. While Kafka is away, a pass tries one
     *         aggregate only (is it back?) instead of waiting for Kafka once for each of hundreds.
     */
    int sweep() {
        Date cutoff = Date.from(clock.instant().minus(minimumAge));
        int published = 0;
        for (String name : collections) {
            try {
                for (Document aggregate : database.getCollection(name)
                        .find(lt(Outbox.FIELD + "." + OutboxEntry.TIME, cutoff))
                        .projection(include("_id")).limit(relay.kafkaAway() ? 1 : BATCH)) {
                    if (relay.waitingForKafka()) {
                        break; // its back-off has not passed: a later pass probes
                    }
                    published += relay.publishPending(name, aggregate.get("_id"));
                    if (relay.kafkaAway()) {
                        break; // it failed just now: the next pass tries again
                    }
                }
            } catch (MongoException e) {
                log.warn("outbox sweep of {} failed, next pass retries: {}", name, e.toString());
            }
        }
        if (published > 0) {
            log.info("outbox sweeper published {} pending event(s)", published);
        }
        return published;
    }
}

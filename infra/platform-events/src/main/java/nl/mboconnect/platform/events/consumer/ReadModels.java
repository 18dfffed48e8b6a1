package nl.mboconnect.platform.events.consumer;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Writes to a local read model kept from another service's events, so that replays and events
 * arriving out of order never turn it back: a document only takes an event at least as new as the
 * last one it took.
 */
public final class ReadModels {

    /** Time of the newest event a read-model document reflects. */
    public static final String SOURCE_EVENT_TIME = "sourceEventTime";

    private ReadModels() {
    }

    /**
     * Upserts the document {@code id} with {@code change} unless it already reflects a newer event.
     *
     * @return true when applied, false when the document holds a newer event already
     */
    public static boolean applyIfNewer(MongoCollection<Document> collection, Object id, Instant eventTime,
            Bson change) {
        Date time = Date.from(eventTime);
        try {
            collection.updateOne(
                    and(eq("_id", id), or(exists(SOURCE_EVENT_TIME, false), lte(SOURCE_EVENT_TIME, time))),
                    Updates.combine(change, Updates.set(SOURCE_EVENT_TIME, time)),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            // The filter missed an existing document, so the upsert tried to insert its _id again:
            // that document already reflects a newer event.
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}

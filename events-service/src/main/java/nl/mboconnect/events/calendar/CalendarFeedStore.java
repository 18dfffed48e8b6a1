package nl.mboconnect.events.calendar;

import static com.mongodb.client.model.Filters.eq;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * One personal calendar feed per member, in {@code calendar_feeds}: a secret token (in the feed's
 * URL, so calendar apps can fetch it without signing in) and the member's roles as last seen, to
 * decide what the feed may show. Renewing replaces the token; the old URL stops working at once.
 */
@Component
class CalendarFeedStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Feed> feeds;

    CalendarFeedStore(MongoDatabase database) {
        this.feeds = database.getCollection("calendar_feeds", Feed.class);
        feeds.createIndex(Indexes.ascending("token"), new IndexOptions().unique(true));
    }

    /** Public only because the driver's record codec reads it reflectively. */
    public record Feed(@BsonId String memberId, String token, List<String> roles, Instant createdAt) {
    }

    /** The member's feed, created on first use; keeps their roles current. */
    Feed feedOf(String memberId, List<String> roles, Instant now) {
        return feeds.findOneAndUpdate(eq("_id", memberId),
                Updates.combine(Updates.setOnInsert("token", newToken()), Updates.setOnInsert("createdAt", now),
                        Updates.set("roles", roles)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    }

    Feed renew(String memberId, List<String> roles, Instant now) {
        return feeds.findOneAndUpdate(eq("_id", memberId),
                Updates.combine(Updates.set("token", newToken()), Updates.set("createdAt", now), Updates.set("roles", roles)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    }

    boolean revoke(String memberId) {
        return feeds.deleteOne(eq("_id", memberId)).getDeletedCount() == 1;
    }

    /** The member's feed, null when they have none. */
    Feed of(String memberId) {
        return feeds.find(eq("_id", memberId)).first();
    }

    Optional<Feed> byToken(String token) {
        return Optional.ofNullable(feeds.find(eq("token", token)).first());
    }

    /** 256 random bits, URL-safe. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

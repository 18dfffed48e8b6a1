package nl.mboconnect.platform.service;

import static com.mongodb.client.model.Filters.gte;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The members who erased their account, as this service knows them: only a SHA-256 hash of each
 * member id and when, in {@code erased_members}, so nothing here names them. It answers two
 * questions after an erasure: may a token still carry this subject (a token issued before lives up
 * to its lifetime, and must not bring the member back), and may an event still make a record about
 * them (one replayed or late after the erasure must not either).
 *
 * <p>Kept in memory and read again from the database at most every {@value #REFRESH_SECONDS} s,
 * so a replica learns of an erasure another one recorded; a database away keeps what is known.
 */
public final class ErasedMembers {

    static final String COLLECTION = "erased_members";
    static final int REFRESH_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(ErasedMembers.class);

    private final MongoCollection<Document> erased;
    private final Clock clock;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Instant readUpTo;
    private volatile Instant nextRefresh = Instant.EPOCH;

    public ErasedMembers(MongoDatabase database, Clock clock) {
        this.erased = database.getCollection(COLLECTION);
        this.clock = clock;
        this.readUpTo = Instant.EPOCH;
        try {
            erased.createIndex(Indexes.ascending("erasedAt"));
        } catch (MongoException e) {
            log.warn("erased members: index not made now ({}); reads work without it", e.getMessage());
        }
    }

    /** The hash a member id is known by once they are erased: SHA-256, hex. */
    public static String hash(String memberId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(memberId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Records that the member erased their account; doing it again changes nothing. */
    public void record(String memberId) {
        String hash = hash(memberId);
        erased.updateOne(Filters.eq("_id", hash), Updates.setOnInsert("erasedAt", Date.from(clock.instant())),
                new UpdateOptions().upsert(true));
        known.add(hash);
    }

    /** Whether the member erased their account. */
    public boolean contains(String memberId) {
        refreshWhenDue();
        return !known.isEmpty() && memberId != null && known.contains(hash(memberId));
    }

    private void refreshWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextRefresh) || !refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            // a little back in time: an erasure recorded by another replica as this one read
            Instant from = readUpTo.minusSeconds(REFRESH_SECONDS);
            for (Document one : erased.find(gte("erasedAt", Date.from(from)))) {
                known.add(one.getString("_id"));
            }
            readUpTo = now;
            nextRefresh = now.plus(Duration.ofSeconds(REFRESH_SECONDS));
        } catch (MongoException e) {
            nextRefresh = now.plus(Duration.ofSeconds(REFRESH_SECONDS));
            log.warn("erased members not read again ({}); keeping the {} known", e.getMessage(), known.size());
        } finally {
            refreshing.set(false);
        }
    }
}

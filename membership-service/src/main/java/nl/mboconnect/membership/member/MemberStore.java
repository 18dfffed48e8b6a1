package nl.mboconnect.membership.member;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Optional;

import org.bson.codecs.pojo.annotations.BsonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

import nl.mboconnect.platform.events.outbox.Outbox;
import nl.mboconnect.platform.events.outbox.OutboxEntry;

/**
 * Members in the collection {@code members}, one document each, with their pending events in the
 * same document (the outbox). Every change is one atomic write, guarded by the version read.
 */
@Component
class MemberStore {

    private static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(MemberStore.class);

    private final MongoCollection<MemberDocument> members;
    private final Outbox outbox;

    MemberStore(MongoDatabase database, Outbox outbox) {
        this.members = database.getCollection("members", MemberDocument.class);
        this.outbox = outbox;
        outbox.register(members);
    }

    Optional<Member> find(String id) {
        return Optional.ofNullable(members.find(eq("_id", id)).first()).map(MemberDocument::toMember);
    }

    /**
     * Records a sign-in: registers the member the first time, brings the profile up to date after.
     * Concurrent first sign-ins (two tabs) register the member once.
     */
    Member signIn(String id, Profile profile, Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Member> stored = find(id);
            if (stored.isEmpty()) {
                Member member = Member.register(id, profile, now);
                OutboxEntry registered = outbox.entry(MemberEvents.REGISTERED, id,
                        MemberEvents.MemberRegistered.of(member));
                try {
                    Outbox.insert(members, MemberDocument.of(member), registered);
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                        continue; // registered by a concurrent sign-in: read it and compare
                    }
                    throw e;
                }
                outbox.relay(members, id);
                log.info("member {} registered", id);
                return member;
            }
            Member before = stored.get();
            Optional<Member> changed = before.signedInWith(profile, now);
            if (changed.isEmpty()) {
                return before;
            }
            Member after = changed.get();
            Bson update = Updates.combine(
                    Updates.set("profile", after.profile()),
                    Updates.set("updatedAt", after.updatedAt()),
                    Updates.set("version", after.version()));
            if (after.isRenamedFrom(before)) {
                update = Updates.combine(update, Outbox.push(outbox.entry(MemberEvents.PROFILE_UPDATED, id,
                        MemberEvents.MemberProfileUpdated.of(after))));
            }
            if (members.updateOne(and(eq("_id", id), eq("version", before.version())), update)
                    .getModifiedCount() == 1) {
                outbox.relay(members, id);
                log.info("member {} signed in with a changed profile", id);
                return after;
            }
            // another sign-in changed the member since we read it: read again
        }
        throw new IllegalStateException("member " + id + " kept changing during sign-in");
    }

    /**
     * The stored form of a member; {@code outbox} is kept beside it by {@link Outbox}. Public only
     * because the driver's record codec reads the components reflectively.
     */
    public record MemberDocument(@BsonId String id, Profile profile, Instant registeredAt, Instant updatedAt,
            long version) {

        static MemberDocument of(Member member) {
            return new MemberDocument(member.id(), member.profile(), member.registeredAt(), member.updatedAt(),
                    member.version());
        }

        Member toMember() {
            return new Member(id, profile, registeredAt, updatedAt, version);
        }
    }
}

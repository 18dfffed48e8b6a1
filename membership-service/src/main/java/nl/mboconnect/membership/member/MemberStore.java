package nl.mboconnect.membership.member;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.codecs.pojo.annotations.BsonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.mboconnect.platform.events.aggregate.AggregateStore;
import nl.mboconnect.platform.events.aggregate.Aggregates;
import nl.mboconnect.platform.events.aggregate.Change;
import nl.mboconnect.platform.events.aggregate.OutgoingEvent;
import nl.mboconnect.platform.events.aggregate.StoredAggregate;

/**
 * Members in the collection {@code members}, one document each with its pending events beside it;
 * every change is one atomic write through the platform's {@link AggregateStore}.
 */
@Component
class MemberStore {

    private static final Logger log = LoggerFactory.getLogger(MemberStore.class);

    private final AggregateStore<MemberDocument> members;

    MemberStore(Aggregates aggregates) {
        this.members = aggregates.store("members", MemberDocument.class, "member");
    }

    Optional<Member> find(String id) {
        return members.find(id).map(MemberDocument::toMember);
    }

    /**
     * Records a sign-in: registers the member the first time, brings the profile up to date after.
     * Concurrent first sign-ins (two tabs) register the member once.
     */
    Member signIn(String id, Profile profile, Instant now) {
        Member registered = Member.register(id, profile, now);
        if (members.insert(MemberDocument.of(registered),
                OutgoingEvent.of(MemberEvents.REGISTERED, MemberEvents.MemberRegistered.of(registered)))) {
            log.info("member {} registered", id);
            return registered;
        }
        return members.update(id, loaded -> {
            Member before = loaded.aggregate().toMember();
            return before.signedInWith(profile, now).map(after -> {
                log.info("member {} signed in with a changed profile", id);
                return Change.to(MemberDocument.of(after), after, after.isRenamedFrom(before)
                        ? List.of(OutgoingEvent.of(MemberEvents.PROFILE_UPDATED, MemberEvents.MemberProfileUpdated.of(after)))
                        : List.of());
            }).orElseGet(() -> Change.none(before));
        });
    }

    /**
     * The stored form of a member; its pending events are kept beside it. Public only because the
     * driver's record codec reads the components reflectively.
     */
    public record MemberDocument(@BsonId String id, Profile profile, Instant registeredAt, Instant updatedAt,
            long version) implements StoredAggregate {

        static MemberDocument of(Member member) {
            return new MemberDocument(member.id(), member.profile(), member.registeredAt(), member.updatedAt(),
                    member.version());
        }

        Member toMember() {
            return new Member(id, profile, registeredAt, updatedAt, version);
        }
    }
}

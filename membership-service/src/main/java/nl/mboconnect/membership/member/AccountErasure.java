package nl.mboconnect.membership.member;

import java.time.Clock;
import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.mboconnect.platform.events.aggregate.AggregateStore;
import nl.mboconnect.platform.events.aggregate.Aggregates;
import nl.mboconnect.platform.events.aggregate.OutgoingEvent;
import nl.mboconnect.platform.events.aggregate.StoredAggregate;
import nl.mboconnect.platform.events.consumer.MemberErasure;
import nl.mboconnect.platform.service.ErasedMembers;

/**
 * A member deletes their account. One write makes it certain: a request in
 * {@code member_erasures}, keyed by the hash of the member id, with {@code member.erased} in its
 * outbox, so every service erases the member however long Kafka is away. Then this service
 * erases its own part at once (the Keycloak account, the profile, photo, groups, callbacks),
 * and whatever it could not finish now (Keycloak away) it finishes on the event, retried until done.
 */
@Component
class AccountErasure {

    private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

    private final AggregateStore<ErasureRequest> requests;
    private final MemberErasure erasure;
    private final Clock clock;

    AccountErasure(Aggregates aggregates, MemberErasure erasure, Clock clock) {
        this.requests = aggregates.store("member_erasures", ErasureRequest.class, "erasure");
        this.erasure = erasure;
        this.clock = clock;
    }

    /** The outcome: erased here already, or still to finish (it will, on the event). */
    enum Outcome {
        ERASED, ERASING
    }

    Outcome erase(String memberId) {
        Instant now = clock.instant();
        requests.insert(new ErasureRequest(ErasedMembers.hash(memberId), now, 1),
                OutgoingEvent.of(MemberEvents.ERASED, new MemberEvents.MemberErased(memberId, now)));
        try {
            erasure.erase(memberId);
            return Outcome.ERASED;
        } catch (RuntimeException e) {
            log.warn("erasure of a member not finished at once; finished on member.erased: {}", e.toString());
            return Outcome.ERASING;
        }
    }

    /** That a member asked to be erased, and when: nothing that names them. Public for the driver's codec. */
    public record ErasureRequest(@BsonId String id, Instant requestedAt, long version) implements StoredAggregate {
    }
}

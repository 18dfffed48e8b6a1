package nl.mboconnect.membership.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.mboconnect.platform.events.EventType;
import nl.mboconnect.platform.events.aggregate.OutgoingEvent;

/**
 * What membership-service tells the others about membership of the association, on the members'
 * topic ({@value MemberEvents#TOPIC}), so they come in order with the rest of a member's events.
 * {@code granted} and {@code ended} follow Keycloak: they are sent when the {@code lid} role has
 * been given or taken away there, not at the decision. No motivation or reason leaves the service.
 */
public final class MembershipEvents {

    public static final EventType<Applied> APPLIED = EventType.of(MemberEvents.TOPIC,
            "nl.mboconnect.membership.membership.applied.v1", Applied.class);
    public static final EventType<Rejected> REJECTED = EventType.of(MemberEvents.TOPIC,
            "nl.mboconnect.membership.membership.rejected.v1", Rejected.class);
    public static final EventType<Granted> GRANTED = EventType.of(MemberEvents.TOPIC,
            "nl.mboconnect.membership.membership.granted.v1", Granted.class);
    public static final EventType<Ended> ENDED = EventType.of(MemberEvents.TOPIC,
            "nl.mboconnect.membership.membership.ended.v1", Ended.class);

    private MembershipEvents() {
    }

    /** A friend applied to become lid. */
    public record Applied(String memberId, String applicationId, Instant appliedAt) {
    }

    /** An application was rejected; the member may apply again. */
    public record Rejected(String memberId, String applicationId, Instant rejectedAt) {
    }

    /** The member is lid now: Keycloak gives them the role. */
    public record Granted(String memberId, Instant grantedAt) {
    }

    /** The member is lid no more: Keycloak took the role away. */
    public record Ended(String memberId, Instant endedAt) {
    }

    /** The events for what happened to the member's membership since {@code before} (none: since the start). */
    static List<OutgoingEvent<?>> since(Membership before, Member after) {
        List<Membership.Entry> history = after.membership().history();
        List<OutgoingEvent<?>> events = new ArrayList<>();
        for (Membership.Entry entry : history.subList(before == null ? 0 : before.history().size(), history.size())) {
            String member = after.id();
            switch (entry.kind()) {
                case APPLIED -> events.add(OutgoingEvent.of(APPLIED, new Applied(member, entry.applicationId(), entry.at())));
                case REJECTED -> events.add(OutgoingEvent.of(REJECTED, new Rejected(member, entry.applicationId(), entry.at())));
                case GRANTED, FOUND_GRANTED -> events.add(OutgoingEvent.of(GRANTED, new Granted(member, entry.at())));
                case ENDED, FOUND_ENDED -> events.add(OutgoingEvent.of(ENDED, new Ended(member, entry.at())));
                default -> { }
            }
        }
        return events;
    }
}

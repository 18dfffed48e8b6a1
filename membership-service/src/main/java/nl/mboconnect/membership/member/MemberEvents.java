package nl.mboconnect.membership.member;

import java.time.Instant;

import nl.mboconnect.platform.events.EventType;
import nl.mboconnect.platform.events.consumer.MemberErasure;

/**
 * What membership-service tells the others about members, on {@value #TOPIC}. Other services keep
 * a directory of display names from these; the JSON Schema of each is in {@code resources/events/}.
 */
public final class MemberEvents {

    public static final String TOPIC = "membership.member.v1";

    public static final EventType<MemberRegistered> REGISTERED = EventType.of(TOPIC,
            "nl.mboconnect.membership.member.registered.v1", MemberRegistered.class);
    public static final EventType<MemberProfileUpdated> PROFILE_UPDATED = EventType.of(TOPIC,
            "nl.mboconnect.membership.member.profile-updated.v1", MemberProfileUpdated.class);

    /** The type every service's platform erases a member on ({@link MemberErasure}). */
    public static final EventType<MemberErased> ERASED = EventType.of(TOPIC, MemberErasure.ERASED, MemberErased.class);

    private MemberEvents() {
    }

    /** A member signed in for the first time. */
    public record MemberRegistered(String memberId, String displayName, Instant registeredAt) {

        static MemberRegistered of(Member member) {
            return new MemberRegistered(member.id(), member.displayName(), member.registeredAt());
        }
    }

    /** A member's name changed: in Keycloak (seen at their next sign-in) or on their profile here. */
    public record MemberProfileUpdated(String memberId, String displayName, Instant updatedAt) {

        static MemberProfileUpdated of(Member member) {
            return new MemberProfileUpdated(member.id(), member.displayName(), member.updatedAt());
        }
    }

    /**
     * A member deleted their account: every service erases what it holds about them. Keyed by the
     * hash of the id (the request that announces it keeps nothing else); the id is in the data.
     */
    public record MemberErased(String memberId, Instant erasedAt) {
    }
}

package nl.mboconnect.events.registration;

import java.time.Instant;
import java.util.Map;

/**
 * One member's registration for one event. {@code arrival} orders the waitlist: a lower number came
 * first. An {@code OFFERED} registration holds a place until {@code offerExpiresAt}.
 */
public record Registration(String memberId, String displayName, Status status, String breakoutId,
        Map<String, String> answers, long arrival, Instant registeredAt, Instant changedAt, Instant offerExpiresAt,
        Instant checkedInAt) {

    public enum Status {
        CONFIRMED, WAITLISTED, OFFERED, CANCELLED, LAPSED;

        /** Whether the member still counts: attending, waiting or holding an offer. */
        public boolean active() {
            return this == CONFIRMED || this == WAITLISTED || this == OFFERED;
        }

        /** Whether the registration holds one of the event's places. */
        public boolean holdsPlace() {
            return this == CONFIRMED || this == OFFERED;
        }
    }

    public Registration {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }

    Registration with(Status newStatus, Instant now, Instant offerExpires) {
        return new Registration(memberId, displayName, newStatus, breakoutId, answers, arrival, registeredAt, now,
                offerExpires, newStatus == Status.CONFIRMED ? checkedInAt : null);
    }

    Registration inBreakout(String newBreakoutId, Instant now) {
        return new Registration(memberId, displayName, status, newBreakoutId, answers, arrival, registeredAt, now,
                offerExpiresAt, checkedInAt);
    }

    Registration checkedIn(Instant at) {
        return new Registration(memberId, displayName, status, breakoutId, answers, arrival, registeredAt, changedAt,
                offerExpiresAt, at);
    }
}

package nl.mboconnect.events.registration;

import java.time.Instant;
import java.util.List;

import nl.mboconnect.events.event.Breakout;
import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.Violation;

/** Who may register for an event, when registrations may change, and which session they choose. */
final class Admission {

    private Admission() {
    }

    /** What the member may not see does not exist for them. */
    static void requireVisible(Event event, Viewer member) {
        if (!event.isVisibleTo(member)) {
            throw Refusal.notFound("event " + event.id());
        }
    }

    /** A new registration: the event admits the member and still takes registrations. */
    static void requireAdmitted(Event event, Viewer member, Instant now) {
        requireVisible(event, member);
        if (!event.admitsAsAttendee(member)) {
            throw Refusal.forbidden("this event is for " + String.join(", ", event.details().attendance().audience().roles()) + " only");
        }
        requireOpenForChanges(event, now);
        if (!event.registrationOpen(now)) {
            throw Refusal.conflict("registration-closed", "registration for this event has closed");
        }
    }

    /** Registrations change until the event starts, while it is published. */
    static void requireOpenForChanges(Event event, Instant now) {
        if (event.status() == EventStatus.CANCELLED) {
            throw Refusal.conflict("event-cancelled", "this event has been cancelled");
        }
        if (event.status() != EventStatus.PUBLISHED) {
            throw Refusal.conflict("registration-closed", "this event takes no registrations");
        }
        if (event.hasStarted(now)) {
            throw Refusal.conflict("event-started", "the event has started; registrations can no longer change");
        }
    }

    /** A session of the event's, chosen when it has sessions, none when it has not. */
    static List<Violation> breakoutViolations(Event event, String breakoutId) {
        List<Breakout> breakouts = event.details().attendance().breakouts();
        if (breakouts.isEmpty()) {
            return breakoutId == null ? List.of()
                    : List.of(new Violation("breakoutId", "unknown-breakout", "this event has no breakout sessions"));
        }
        if (breakoutId == null || breakoutId.isBlank()) {
            return List.of(new Violation("breakoutId", "required", "choose a breakout session"));
        }
        if (event.details().breakout(breakoutId).isEmpty()) {
            return List.of(new Violation("breakoutId", "unknown-breakout", "this event has no breakout session " + breakoutId));
        }
        return List.of();
    }
}

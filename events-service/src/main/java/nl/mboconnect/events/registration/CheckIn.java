package nl.mboconnect.events.registration;

import java.time.Duration;
import java.time.Instant;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.platform.domain.Refusal;

/** Who was there: organisers check confirmed attendees in at the door, from an hour before the start. */
final class CheckIn {

    /** Organisers may check attendees in from this long before the start. */
    static final Duration OPENS_BEFORE_START = Duration.ofHours(1);

    private CheckIn() {
    }

    /** The registration checked in (or not, to correct a mistake), or the same one when nothing changes. */
    static Registration record(Event event, Viewer organiser, Registration registration, boolean present, Instant now) {
        event.requireManagedBy(organiser);
        if (event.status() != EventStatus.PUBLISHED && event.status() != EventStatus.COMPLETED) {
            throw Refusal.conflict("event-not-held", "attendance is recorded for events that take place");
        }
        if (now.isBefore(event.details().schedule().start().minus(OPENS_BEFORE_START))) {
            throw Refusal.conflict("check-in-not-open", "check-in opens an hour before the event starts");
        }
        if (registration.status() != Registration.Status.CONFIRMED) {
            throw Refusal.notFound("confirmed registration of " + registration.memberId());
        }
        return (registration.checkedInAt() != null) == present ? registration : registration.checkedIn(present ? now : null);
    }
}

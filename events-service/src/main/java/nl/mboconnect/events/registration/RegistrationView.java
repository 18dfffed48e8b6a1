package nl.mboconnect.events.registration;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventKind;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.EventTime;

/**
 * A member's own registration: its status, their place in line while waiting (1 = next), the place
 * on offer and until when, their breakout and answers; with enough of the event to list it.
 */
record RegistrationView(String eventId, String eventTitle, EventKind eventKind, EventStatus eventStatus,
        OffsetDateTime eventStart, OffsetDateTime eventEnd, Registration.Status status, Integer position,
        String breakoutId, Map<String, String> answers, Instant registeredAt, OffsetDateTime offerExpiresAt,
        boolean checkedIn) {

    /** @param position in line, 1 for the next; 0 when not waiting */
    static RegistrationView of(Event event, int position, Registration registration) {
        return new RegistrationView(event.id(), event.details().about().title(), event.details().about().kind(), event.status(),
                time(event.details().schedule().start()), time(event.details().schedule().end()), registration.status(),
                position == 0 ? null : position, registration.breakoutId(), registration.answers(),
                registration.registeredAt(), time(registration.offerExpiresAt()), registration.checkedInAt() != null);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : EventTime.zoned(instant).toOffsetDateTime();
    }
}

package nl.mboconnect.events.registration;

import java.time.Instant;
import java.util.Optional;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.platform.events.EventType;
import nl.mboconnect.platform.events.aggregate.OutgoingEvent;

/**
 * What happens to registrations, on {@value #TOPIC}, and attendance, on {@value #ATTENDANCE_TOPIC};
 * keyed by event id so one event's changes stay in order. Internal topics: they carry member ids
 * (a notifier tells members they were promoted; polls lets attendees evaluate). Schemas in
 * {@code resources/events/}.
 */
public final class RegistrationEvents {

    public static final String TOPIC = "events.registration.v1";
    public static final String ATTENDANCE_TOPIC = "events.attendance.v1";

    public static final EventType<RegistrationConfirmed> CONFIRMED = EventType.of(TOPIC,
            "nl.mboconnect.events.registration.confirmed.v1", RegistrationConfirmed.class);
    public static final EventType<RegistrationWaitlisted> WAITLISTED = EventType.of(TOPIC,
            "nl.mboconnect.events.registration.waitlisted.v1", RegistrationWaitlisted.class);
    public static final EventType<RegistrationPromoted> PROMOTED = EventType.of(TOPIC,
            "nl.mboconnect.events.registration.promoted.v1", RegistrationPromoted.class);
    public static final EventType<RegistrationCancelled> CANCELLED = EventType.of(TOPIC,
            "nl.mboconnect.events.registration.cancelled.v1", RegistrationCancelled.class);
    public static final EventType<AttendanceRecorded> ATTENDANCE_RECORDED = EventType.of(ATTENDANCE_TOPIC,
            "nl.mboconnect.events.attendance.recorded.v1", AttendanceRecorded.class);

    private RegistrationEvents() {
    }

    /** The member has a place (at once, or by taking an offered place). */
    public record RegistrationConfirmed(String eventId, String eventTitle, Instant eventStart, String memberId,
            String breakoutId, Instant confirmedAt) {
    }

    /** The event was full: the member waits, {@code position} in line (1 = next). */
    public record RegistrationWaitlisted(String eventId, String eventTitle, Instant eventStart, String memberId,
            int position, Instant waitlistedAt) {
    }

    /**
     * A place freed up for a waiting member: confirmed at once, or (with {@code offer}) theirs if they
     * take it before {@code offerExpiresAt}.
     */
    public record RegistrationPromoted(String eventId, String eventTitle, Instant eventStart, String memberId,
            boolean offer, Instant offerExpiresAt, Instant promotedAt) {
    }

    /** {@code reason}: {@code member} (they cancelled) or {@code offer-lapsed}. */
    public record RegistrationCancelled(String eventId, String eventTitle, Instant eventStart, String memberId,
            String reason, boolean heldPlace, Instant cancelledAt) {
    }

    /** An organiser recorded whether a confirmed attendee was there. */
    public record AttendanceRecorded(String eventId, String eventKind, String eventTitle, Instant eventStart,
            String memberId, boolean present, Instant recordedAt) {
    }

    /** What is announced about what happened, if anything (a switch of breakout is not). */
    static Optional<OutgoingEvent<?>> announcement(Event event, Roster.Happened happened, Instant now) {
        String id = event.id();
        String title = event.details().about().title();
        Instant start = event.details().schedule().start();
        Registration r = happened.registration();
        return Optional.ofNullable(switch (happened) {
            case Roster.Confirmed c -> OutgoingEvent.of(CONFIRMED,
                    new RegistrationConfirmed(id, title, start, r.memberId(), r.breakoutId(), r.changedAt()));
            case Roster.Waitlisted w -> OutgoingEvent.of(WAITLISTED,
                    new RegistrationWaitlisted(id, title, start, r.memberId(), w.position(), r.changedAt()));
            case Roster.Promoted p -> OutgoingEvent.of(PROMOTED, new RegistrationPromoted(id, title, start,
                    r.memberId(), p.offer(), r.offerExpiresAt(), r.changedAt()));
            case Roster.Cancelled c -> OutgoingEvent.of(CANCELLED, new RegistrationCancelled(id, title, start,
                    r.memberId(), "member", c.heldPlace(), r.changedAt()));
            case Roster.OfferLapsed l -> OutgoingEvent.of(CANCELLED, new RegistrationCancelled(id, title, start,
                    r.memberId(), "offer-lapsed", true, r.changedAt()));
            case Roster.AttendanceRecorded a -> OutgoingEvent.of(ATTENDANCE_RECORDED, new AttendanceRecorded(id,
                    event.details().about().kind().name().toLowerCase(), title, start, r.memberId(), a.present(), now));
            case Roster.BreakoutSwitched s -> null;
            case Roster.Erased e -> null;
        });
    }
}

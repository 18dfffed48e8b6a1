package nl.mboconnect.events.catalog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import nl.mboconnect.events.event.Breakout;
import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventDetails;
import nl.mboconnect.events.event.EventKind;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.EventTime;
import nl.mboconnect.events.event.Location;
import nl.mboconnect.events.event.Occupancy;
import nl.mboconnect.events.event.ProgrammeItem;
import nl.mboconnect.events.event.Question;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.events.event.Visibility;
import nl.mboconnect.events.event.WaitlistPolicy;

/**
 * An event as the event page shows it. The join link is there for registered attendees and
 * managers only; invitees and organiser members are listed for managers only.
 *
 * @param manageable whether the caller may edit it, see the attendees and check them in
 * @param mayRegister whether the event admits the caller as an attendee (a signed-in member of its
 *        audience, or invited), so the page offers registration only to those it will accept
 */
record EventView(String id, EventStatus status, EventKind kind, String title, String description,
        List<String> organisations, List<String> themes, List<String> categories, AudienceView audience,
        OffsetDateTime start, OffsetDateTime end, Location location, List<SlotView> programme,
        List<BreakoutView> breakouts, List<Question> questions, VisibilityView visibility, Integer capacity,
        int placesTaken, Integer placesLeft, int waitlist, OffsetDateTime registrationDeadline, boolean registrationOpen,
        WaitlistPolicy waitlistPolicy, SeriesView series, String followUpOf, String reportUrl, String cancelReason,
        List<String> organisers, boolean manageable, boolean mayRegister, int sequence, Instant updatedAt) {

    record AudienceView(String text, List<String> roles) {
    }

    record SlotView(OffsetDateTime start, OffsetDateTime end, String title, String speaker, String description,
            String breakoutId) {
    }

    record BreakoutView(String id, String title, String description, Integer capacity, int placesTaken,
            Integer placesLeft) {
    }

    record VisibilityView(Visibility.Level level, List<String> invitees, List<String> groups) {
    }

    record SeriesView(String id, String title) {
    }

    /** @param followUpOf the event this one follows up, when the viewer may see that one; else null */
    static EventView of(Event event, Viewer viewer, boolean seesJoinLink, String followUpOf, Instant now) {
        boolean manageable = event.isManagedBy(viewer);
        EventDetails details = event.details();
        Occupancy occupancy = event.occupancy();
        Location location = seesJoinLink ? details.location() : details.location().withoutJoinLink();
        Visibility visibility = details.visibility();
        return new EventView(event.id(), event.status(), details.kind(), details.title(), details.description(),
                details.organisations(), details.themes(), details.categories(),
                new AudienceView(details.audience().text(), details.audience().roles()), time(details.start()),
                time(details.end()), location, details.programme().stream().map(EventView::slot).toList(),
                details.breakouts().stream().map(breakout -> breakout(breakout, occupancy)).toList(),
                details.questions(),
                new VisibilityView(visibility.level(), manageable ? visibility.invitees() : List.of(),
                        manageable ? visibility.groups() : List.of()),
                details.capacity(), occupancy.placesTaken(), event.placesLeft(), occupancy.waitlisted(),
                time(details.registrationDeadline()), event.registrationOpen(now), details.waitlist(),
                details.series() == null ? null : new SeriesView(details.series().id(), details.series().title()),
                followUpOf, details.reportUrl(), event.cancelReason(),
                manageable ? event.organisers() : List.of(), manageable, event.admitsAsAttendee(viewer),
                event.sequence(), event.updatedAt());
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : EventTime.zoned(instant).toOffsetDateTime();
    }

    private static SlotView slot(ProgrammeItem item) {
        return new SlotView(time(item.start()), time(item.end()), item.title(), item.speaker(), item.description(),
                item.breakoutId());
    }

    private static BreakoutView breakout(Breakout breakout, Occupancy occupancy) {
        int taken = occupancy.placesTaken(breakout.id());
        return new BreakoutView(breakout.id(), breakout.title(), breakout.description(), breakout.capacity(), taken,
                breakout.capacity() == null ? null : Math.max(0, breakout.capacity() - taken));
    }
}

package nl.mboconnect.events.catalog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import nl.mboconnect.events.event.About;
import nl.mboconnect.events.event.Attendance;
import nl.mboconnect.events.event.Breakout;
import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventDetails;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.EventTime;
import nl.mboconnect.events.event.Location;
import nl.mboconnect.events.event.Occupancy;
import nl.mboconnect.events.event.ProgrammeItem;
import nl.mboconnect.events.event.Question;
import nl.mboconnect.events.event.SeriesLink;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.events.event.Visibility;
import nl.mboconnect.events.event.WaitlistPolicy;
import nl.mboconnect.platform.service.Representation;

/**
 * An event as the event page shows it, in groups written side by side in one flat JSON object (the
 * site reads {@code title}, {@code start}, {@code placesLeft} …). The join link is there for
 * registered attendees and managers only; invitees and organiser members are listed for managers
 * only.
 */
@Representation
record EventView(String id, EventStatus status, @JsonUnwrapped About about, @JsonUnwrapped When when,
        Location location, @JsonUnwrapped Places places, VisibilityView visibility, @JsonUnwrapped LinksView links,
        @JsonUnwrapped ForTheCaller caller, @JsonUnwrapped Change change) {

    /** When, with the programme as a timetable; times in Europe/Amsterdam. */
    record When(OffsetDateTime start, OffsetDateTime end, List<SlotView> programme) {
    }

    /** Who may attend, how full it is and what registering asks. */
    record Places(AudienceView audience, Integer capacity, int placesTaken, Integer placesLeft, int waitlist,
            OffsetDateTime registrationDeadline, boolean registrationOpen, WaitlistPolicy waitlistPolicy,
            List<BreakoutView> breakouts, List<Question> questions) {
    }

    /** @param followUpOf the event this one follows up, when the viewer may see that one; else null */
    record LinksView(SeriesView series, String followUpOf, String reportUrl) {
    }

    /**
     * @param manageable whether the caller may edit it, see the attendees and check them in
     * @param mayRegister whether the event admits the caller as an attendee (a signed-in member of its
     *        audience, or invited), so the page offers registration only to those it will accept
     */
    record ForTheCaller(List<String> organisers, boolean manageable, boolean mayRegister) {
    }

    /** @param sequence the iCalendar SEQUENCE: rises with every change calendars must take over */
    record Change(String cancelReason, int sequence, Instant updatedAt) {
    }

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
        Attendance attendance = details.attendance();
        Occupancy occupancy = event.occupancy();
        // a cancelled or past event has no session to join: nobody is shown a way into it
        boolean joinable = event.status() == EventStatus.PUBLISHED || event.status() == EventStatus.DRAFT;
        Location location = seesJoinLink && joinable ? details.location() : details.location().withoutJoinLink();
        Visibility visibility = details.visibility();
        SeriesLink series = details.links().series();
        return new EventView(event.id(), event.status(), details.about(),
                new When(time(details.schedule().start()), time(details.schedule().end()),
                        details.schedule().programme().stream().map(EventView::slot).toList()),
                location,
                new Places(new AudienceView(attendance.audience().text(), attendance.audience().roles()),
                        attendance.capacity(), occupancy.placesTaken(), event.placesLeft(), occupancy.waitlisted(),
                        time(attendance.registrationDeadline()), event.registrationOpen(now), attendance.waitlist(),
                        attendance.breakouts().stream().map(breakout -> breakout(breakout, occupancy)).toList(),
                        attendance.questions()),
                new VisibilityView(visibility.level(), manageable ? visibility.invitees() : List.of(),
                        manageable ? visibility.groups() : List.of()),
                new LinksView(series == null ? null : new SeriesView(series.id(), series.title()), followUpOf,
                        details.links().reportUrl()),
                new ForTheCaller(manageable ? event.organisers() : List.of(), manageable, event.admitsAsAttendee(viewer)),
                new Change(event.timeline().cancelReason(), event.sequence(), event.timeline().updatedAt()));
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

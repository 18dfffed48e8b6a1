package nl.mboconnect.events.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.Violation;

/**
 * An event: what its organisers wrote ({@link EventDetails}), where it is in its life, who manages
 * it and how full it is. Changes return a new event; the store writes it in one atomic update,
 * guarded by {@code version}. {@code sequence} is the iCalendar SEQUENCE: it goes up with every
 * change attendees' calendars must take over.
 *
 * @param organisers member ids of the members who manage this event (besides editors)
 */
public record Event(String id, EventStatus status, EventDetails details, List<String> organisers, Timeline timeline,
        int sequence, long version, Occupancy occupancy) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(timeline, "timeline");
        organisers = organisers == null ? List.of() : List.copyOf(organisers);
        occupancy = occupancy == null ? Occupancy.EMPTY : occupancy;
    }

    /** A new event, not yet visible to anyone but its managers. */
    public static Event draft(String id, EventDetails details, List<String> organisers, Viewer author, Instant now) {
        if (!author.isEditor()) {
            throw Refusal.forbidden("only editors and administrators create events");
        }
        requireValid(details.violations());
        return new Event(id, EventStatus.DRAFT, details, organisers, Timeline.createdBy(author.memberId(), now), 0, 1,
                Occupancy.EMPTY);
    }

    /** The outcome of an edit: the event after it, and whether attendees must be told. */
    public record Edited(Event event, boolean rescheduled, boolean relocated) {

        public boolean attendeesMustHear() {
            return event.status == EventStatus.PUBLISHED && (rescheduled || relocated);
        }
    }

    /**
     * Replaces what the organisers wrote. Capacity may not drop below the places already taken,
     * nor a breakout's below its own, and a breakout someone chose may not be removed.
     */
    public Edited edit(EventDetails changed, List<String> newOrganisers, Viewer editor, Instant now) {
        requireManagedBy(editor);
        if (status == EventStatus.CANCELLED || status == EventStatus.COMPLETED) {
            throw Refusal.conflict("event-closed", "a " + status.name().toLowerCase() + " event can no longer be edited");
        }
        List<Violation> violations = new ArrayList<>(changed.violations());
        if (changed.attendance().capacity() != null && changed.attendance().capacity() < occupancy.placesTaken()) {
            violations.add(new Violation("capacity", "capacity-below-registrations", "capacity can not drop below the "
                    + occupancy.placesTaken() + " places already taken"));
        }
        for (Breakout breakout : details.attendance().breakouts()) {
            int choosing = occupancy.choosing(breakout.id());
            if (choosing == 0) {
                continue;
            }
            int index = indexOfBreakout(changed, breakout.id());
            int taken = occupancy.placesTaken(breakout.id());
            if (index < 0) {
                violations.add(new Violation("breakouts", "breakout-in-use", "breakout session " + breakout.id()
                        + " was chosen by members who attend or wait for it, and can not be removed"));
            } else {
                Integer capacity = changed.attendance().breakouts().get(index).capacity();
                if (capacity != null && capacity < taken) {
                    violations.add(new Violation("breakouts[" + index + "].capacity", "capacity-below-registrations",
                            "capacity can not drop below the " + taken + " places already taken"));
                }
            }
        }
        requireValid(violations);
        // organisers of an event manage it but do not choose who else does
        List<String> organisersAfter = editor.isEditor() && newOrganisers != null ? newOrganisers : organisers;
        boolean rescheduled = changed.rescheduledFrom(details);
        boolean relocated = changed.relocatedFrom(details);
        int sequenceAfter = status == EventStatus.PUBLISHED ? sequence + 1 : sequence;
        Event after = new Event(id, status, changed, organisersAfter, timeline.changedAt(now), sequenceAfter, version + 1,
                occupancy);
        return new Edited(after, rescheduled, relocated);
    }

    public Event publish(Viewer editor, Instant now) {
        requireManagedBy(editor);
        if (status != EventStatus.DRAFT) {
            throw Refusal.conflict("not-a-draft", "only a draft can be published; this event is " + status.name().toLowerCase());
        }
        if (!details.schedule().end().isAfter(now)) {
            throw Refusal.conflict("event-over", "an event that is over can not be published");
        }
        return new Event(id, EventStatus.PUBLISHED, details, organisers, timeline.publishedAt(now), sequence + 1,
                version + 1, occupancy);
    }

    /** Cancels the event; every registration lapses with it and calendars show it cancelled. */
    public Event cancel(String reason, Viewer editor, Instant now) {
        requireManagedBy(editor);
        if (status != EventStatus.DRAFT && status != EventStatus.PUBLISHED) {
            throw Refusal.conflict("event-closed", "a " + status.name().toLowerCase() + " event can not be cancelled");
        }
        if (status == EventStatus.PUBLISHED && !details.schedule().end().isAfter(now)) {
            throw Refusal.conflict("event-over", "an event that is over can not be cancelled; complete it");
        }
        return new Event(id, EventStatus.CANCELLED, details, organisers, timeline.cancelledAt(now, reason), sequence + 1,
                version + 1, occupancy);
    }

    public Event complete(Viewer editor, Instant now) {
        requireManagedBy(editor);
        if (status != EventStatus.PUBLISHED) {
            throw Refusal.conflict("not-published", "only a published event can be completed");
        }
        if (details.schedule().end().isAfter(now)) {
            throw Refusal.conflict("event-not-over", "an event can be completed once it has ended");
        }
        return new Event(id, EventStatus.COMPLETED, details, organisers, timeline.changedAt(now), sequence, version + 1,
                occupancy);
    }

    /** Links the report in the knowledge base, once the event has taken place. */
    public Event withReport(String reportUrl, Viewer editor, Instant now) {
        requireManagedBy(editor);
        if (details.schedule().end().isAfter(now) || status == EventStatus.DRAFT || status == EventStatus.CANCELLED) {
            throw Refusal.conflict("event-not-over", "a report is linked after the event took place");
        }
        // blank: no report (any more)
        EventDetails withReport = details.withLinks(details.links().withReportUrl(
                reportUrl == null || reportUrl.isBlank() ? null : reportUrl.strip()));
        requireValid(withReport.violations());
        return new Event(id, status, withReport, organisers, timeline.changedAt(now), sequence, version + 1, occupancy);
    }

    public boolean isManagedBy(Viewer viewer) {
        return viewer.isEditor() || viewer.memberId() != null && organisers.contains(viewer.memberId());
    }

    public void requireManagedBy(Viewer viewer) {
        if (!isVisibleTo(viewer)) {
            throw Refusal.notFound("event " + id);
        }
        if (!isManagedBy(viewer)) {
            throw Refusal.forbidden("only the event's organisers, editors and administrators manage it");
        }
    }

    /** Drafts are seen by their managers only; after that, the visibility decides. */
    public boolean isVisibleTo(Viewer viewer) {
        if (isManagedBy(viewer)) {
            return true;
        }
        return status != EventStatus.DRAFT && details.visibility().admits(viewer);
    }

    /** Whether the viewer belongs to the event's audience (visibility is checked separately). */
    public boolean admitsAsAttendee(Viewer viewer) {
        if (!viewer.isMember()) {
            return false;
        }
        boolean invited = details.visibility().level() == Visibility.Level.INVITED;
        return invited || viewer.isEditor() || details.attendance().audience().admits(viewer);
    }

    public boolean isPublic() {
        return status != EventStatus.DRAFT && details.visibility().level() == Visibility.Level.PUBLIC;
    }

    public boolean hasStarted(Instant now) {
        return !details.schedule().start().isAfter(now);
    }

    public boolean registrationOpen(Instant now) {
        return status == EventStatus.PUBLISHED && now.isBefore(details.registrationCloses());
    }

    /** Free places, or null when the event has no limit. */
    public Integer placesLeft() {
        return details.attendance().capacity() == null ? null : Math.max(0, details.attendance().capacity() - occupancy.placesTaken());
    }

    public Event withOccupancy(Occupancy changed) {
        return new Event(id, status, details, organisers, timeline, sequence, version, changed);
    }

    private static int indexOfBreakout(EventDetails details, String id) {
        for (int i = 0; i < details.attendance().breakouts().size(); i++) {
            if (details.attendance().breakouts().get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static void requireValid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw Refusal.invalid(violations);
        }
    }
}

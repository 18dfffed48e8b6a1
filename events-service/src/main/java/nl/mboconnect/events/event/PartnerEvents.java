package nl.mboconnect.events.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import nl.mboconnect.platform.events.EventType;

/**
 * What regional partners may read about events, on {@value #TOPIC}: public events only, as a
 * snapshot of their public state after every change (keyed by event id, so the newest per key
 * is the truth). No personal data: no registrants, no names of people, no join links.
 * An event that stops being public is sent once more with status {@code withdrawn}.
 */
public final class PartnerEvents {

    public static final String TOPIC = "partner.events.v1";

    public static final EventType<PublicEvent> CHANGED = EventType.of(TOPIC,
            "nl.mboconnect.events.public-event.changed.v1", PublicEvent.class);

    private PartnerEvents() {
    }

    /**
     * The snapshot: which event, its revision, status and time of change, and (unless it was
     * withdrawn) what partners may know of it, written in the same flat JSON object.
     *
     * @param revision rises with every change of the event, counts included: the snapshot with the
     *                 highest revision is the newest
     * @param content  null for a withdrawn event: then there is nothing more to know
     */
    public record PublicEvent(String eventId, long revision, String status, Instant updatedAt,
            @JsonUnwrapped Content content) {

        /** @param followsPublicEvent whether the event it follows up is public too, so partners may be pointed at it */
        public static PublicEvent of(Event event, long revision, boolean followsPublicEvent) {
            if (!event.isPublic()) {
                return new PublicEvent(event.id(), revision, "withdrawn", event.timeline().updatedAt(), null);
            }
            EventDetails details = event.details();
            About about = details.about();
            Location location = details.location();
            Occupancy occupancy = event.occupancy();
            SeriesLink series = details.links().series();
            Content content = new Content(
                    new Description(EventEvents.name(about.kind()), about.title(), about.description(),
                            about.organisations(), about.themes(), about.categories(),
                            details.attendance().audience().text()),
                    new When(offset(details.schedule().start()), offset(details.schedule().end()),
                            details.schedule().programme().stream().map(item -> new Slot(offset(item.start()),
                                    offset(item.end()), item.title(), item.breakoutId())).toList()),
                    new Place(EventEvents.name(location.mode()), location.venue(), location.address(), location.city(),
                            location.region(), location.platform()),
                    new Participation(details.attendance().breakouts().stream().map(breakout -> new Session(breakout.id(),
                            breakout.title(), breakout.capacity(), occupancy.placesTaken(breakout.id()))).toList(),
                            new Counts(occupancy.placesTaken(), details.attendance().capacity(), occupancy.waitlisted())),
                    new Related(series == null ? null : series.id(), series == null ? null : series.title(),
                            followsPublicEvent ? details.links().followUpOf() : null, details.links().reportUrl()));
            return new PublicEvent(event.id(), revision, EventEvents.name(event.status()), event.timeline().updatedAt(),
                    content);
        }

        private static OffsetDateTime offset(Instant instant) {
            return EventTime.zoned(instant).toOffsetDateTime();
        }
    }

    /** What partners may know of a public event, in groups written flat: see the JSON Schema. */
    public record Content(@JsonUnwrapped Description description, @JsonUnwrapped When when, Place place,
            @JsonUnwrapped Participation participation, @JsonUnwrapped Related related) {
    }

    /** @param audience the organisers' text about whom the event is for */
    public record Description(String kind, String title, String description, List<String> organisations,
            List<String> themes, List<String> categories, String audience) {
    }

    public record When(OffsetDateTime start, OffsetDateTime end, List<Slot> programme) {
    }

    public record Participation(List<Session> breakouts, Counts counts) {
    }

    /** @param followUpOf only when the event it follows up is public too */
    public record Related(String seriesId, String seriesTitle, String followUpOf, String reportUrl) {
    }

    public record Place(String mode, String venue, String address, String city, String region, String platform) {
    }

    /** A programme slot; speakers are left out (names of people are not for partners). */
    public record Slot(OffsetDateTime start, OffsetDateTime end, String title, String breakoutId) {
    }

    public record Session(String id, String title, Integer capacity, int registered) {
    }

    /** {@code capacity} null: no limit. */
    public record Counts(int registered, Integer capacity, int waitlist) {
    }
}

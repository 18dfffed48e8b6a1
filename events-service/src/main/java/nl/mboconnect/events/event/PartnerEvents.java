package nl.mboconnect.events.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

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
     * @param revision rises with every change of the event, counts included: the snapshot with the
     *                 highest revision is the newest
     */
    public record PublicEvent(String eventId, long revision, String status, String kind, String title, String description,
            List<String> organisations, List<String> themes, List<String> categories, String audience,
            OffsetDateTime start, OffsetDateTime end, Place place, List<Slot> programme, List<Session> breakouts,
            Counts counts, String seriesId, String seriesTitle, String followUpOf, String reportUrl,
            Instant updatedAt) {

        /** @param followsPublicEvent whether the event it follows up is public too, so partners may be pointed at it */
        public static PublicEvent of(Event event, long revision, boolean followsPublicEvent) {
            if (!event.isPublic()) {
                return new PublicEvent(event.id(), revision, "withdrawn", null, null, null, List.of(), List.of(), List.of(), null,
                        null, null, null, List.of(), List.of(), null, null, null, null, null, event.updatedAt());
            }
            EventDetails details = event.details();
            Location location = details.location();
            Occupancy occupancy = event.occupancy();
            return new PublicEvent(event.id(), revision, EventEvents.name(event.status()),
                    EventEvents.name(details.kind()), details.title(), details.description(), details.organisations(),
                    details.themes(), details.categories(), details.audience().text(), offset(details.start()),
                    offset(details.end()),
                    new Place(EventEvents.name(location.mode()), location.venue(), location.address(), location.city(),
                            location.region(), location.platform()),
                    details.programme().stream().map(item -> new Slot(offset(item.start()), offset(item.end()),
                            item.title(), item.breakoutId())).toList(),
                    details.breakouts().stream().map(breakout -> new Session(breakout.id(), breakout.title(),
                            breakout.capacity(), occupancy.placesTaken(breakout.id()))).toList(),
                    new Counts(occupancy.placesTaken(), details.capacity(), occupancy.waitlisted()),
                    details.series() == null ? null : details.series().id(),
                    details.series() == null ? null : details.series().title(),
                    followsPublicEvent ? details.followUpOf() : null,
                    details.reportUrl(), event.updatedAt());
        }

        private static OffsetDateTime offset(Instant instant) {
            return EventTime.zoned(instant).toOffsetDateTime();
        }
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

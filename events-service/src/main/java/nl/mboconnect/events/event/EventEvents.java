package nl.mboconnect.events.event;

import java.time.Instant;
import java.util.List;

import nl.mboconnect.platform.events.EventType;

/**
 * What events-service tells the other services about events, on {@value #TOPIC}, keyed by event id.
 * Internal: {@code registrants} (member ids) let a notifier tell attendees of a new time or place,
 * or of a cancellation. JSON Schemas in {@code resources/events/}.
 */
public final class EventEvents {

    public static final String TOPIC = "events.event.v1";

    public static final EventType<EventPublished> PUBLISHED = EventType.of(TOPIC,
            "nl.mboconnect.events.event.published.v1", EventPublished.class);
    public static final EventType<EventUpdated> UPDATED = EventType.of(TOPIC,
            "nl.mboconnect.events.event.updated.v1", EventUpdated.class);
    public static final EventType<EventCancelled> CANCELLED = EventType.of(TOPIC,
            "nl.mboconnect.events.event.cancelled.v1", EventCancelled.class);
    public static final EventType<EventCompleted> COMPLETED = EventType.of(TOPIC,
            "nl.mboconnect.events.event.completed.v1", EventCompleted.class);

    private EventEvents() {
    }

    public record EventPublished(String eventId, String kind, String title, Instant start, Instant end,
            String visibility, String seriesId, String followUpOf, Instant publishedAt) {

        public static EventPublished of(Event event) {
            EventDetails details = event.details();
            return new EventPublished(event.id(), name(details.about().kind()), details.about().title(), details.schedule().start(), details.schedule().end(),
                    name(details.visibility().level()), details.links().series() == null ? null : details.links().series().id(),
                    details.links().followUpOf(), event.timeline().publishedAt());
        }
    }

    /** A published event changed; {@code rescheduled}/{@code relocated} say whether attendees must hear. */
    public record EventUpdated(String eventId, String title, Instant start, Instant end, boolean rescheduled,
            boolean relocated, int sequence, List<String> registrants, Instant updatedAt) {

        public static EventUpdated of(Event.Edited edited, List<String> registrants) {
            Event event = edited.event();
            return new EventUpdated(event.id(), event.details().about().title(), event.details().schedule().start(), event.details().schedule().end(),
                    edited.rescheduled(), edited.relocated(), event.sequence(),
                    edited.attendeesMustHear() ? registrants : List.of(), event.timeline().updatedAt());
        }
    }

    /** Every registration lapses with the event; {@code registrants} are the members to tell. */
    public record EventCancelled(String eventId, String title, Instant start, String reason, List<String> registrants,
            Instant cancelledAt) {

        public static EventCancelled of(Event event, List<String> registrants) {
            return new EventCancelled(event.id(), event.details().about().title(), event.details().schedule().start(), event.timeline().cancelReason(),
                    registrants, event.timeline().updatedAt());
        }
    }

    public record EventCompleted(String eventId, String kind, String title, Instant start, Instant end,
            Instant completedAt) {

        public static EventCompleted of(Event event) {
            return new EventCompleted(event.id(), name(event.details().about().kind()), event.details().about().title(),
                    event.details().schedule().start(), event.details().schedule().end(), event.timeline().updatedAt());
        }
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase();
    }
}

package nl.mboconnect.events.catalog;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventDetails;
import nl.mboconnect.events.event.EventEvents;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.Events;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.events.registration.Registrations;
import nl.mboconnect.platform.events.EventType;
import nl.mboconnect.platform.events.aggregate.Change;
import nl.mboconnect.platform.events.aggregate.Loaded;
import nl.mboconnect.platform.events.aggregate.OutgoingEvent;

/**
 * An event's life — created, edited, published, cancelled, completed, its report linked — each step
 * with what it announces, in one write. One place, so the API and the demo data tell the services
 * and partners the same things; {@code now} is the caller's, so a step may be recorded as taken
 * earlier.
 */
@Component
public class Lifecycle {

    private final Events events;
    private final Registrations registrations;

    Lifecycle(Events events, Registrations registrations) {
        this.events = events;
        this.registrations = registrations;
    }

    /** A new draft; nothing is announced about it until it is published. */
    public Event create(String id, EventDetails details, List<String> organisers, Viewer author, Instant now) {
        Event event = Event.draft(id, details, organisers, author, now);
        events.insert(event);
        return event;
    }

    /**
     * Replaces what the organisers wrote; attendees hear of a new time or place. A raised capacity
     * lets the waitlist move up in the same write, so no newcomer takes a place the waitlist is owed.
     */
    public Event edit(String id, EventDetails details, List<String> organisers, Viewer editor, Instant now) {
        events.change(id, loaded -> {
            Event.Edited edited = loaded.aggregate().edit(details, organisers, editor, now);
            Event after = edited.event();
            List<OutgoingEvent<?>> announced = after.status() != EventStatus.PUBLISHED ? List.of()
                    : List.of(updated(edited, registrations.activeMembers(loaded)));
            return registrations.withWaitlistMovingUp(loaded, Change.to(after, after, announced), now);
        });
        return events.find(id).orElseThrow();
    }

    /**
     * Without a notice for attendees, the update is a snapshot of the event's state: while Kafka is
     * away, a newer one takes its place. With one, every update is told.
     */
    private static OutgoingEvent<EventEvents.EventUpdated> updated(Event.Edited edited, List<String> registrants) {
        EventEvents.EventUpdated update = EventEvents.EventUpdated.of(edited, registrants);
        return edited.attendeesMustHear() ? OutgoingEvent.of(EventEvents.UPDATED, update)
                : OutgoingEvent.snapshot(EventEvents.UPDATED, update);
    }

    public Event publish(String id, Viewer editor, Instant now) {
        return step(id, loaded -> loaded.aggregate().publish(editor, now), EventEvents.PUBLISHED,
                (loaded, after) -> EventEvents.EventPublished.of(after));
    }

    /** Cancels the event: every registration lapses and registrants are told. */
    public Event cancel(String id, String reason, Viewer editor, Instant now) {
        return step(id, loaded -> loaded.aggregate().cancel(reason, editor, now), EventEvents.CANCELLED,
                (loaded, after) -> EventEvents.EventCancelled.of(after, registrations.activeMembers(loaded)));
    }

    public Event complete(String id, Viewer editor, Instant now) {
        return step(id, loaded -> loaded.aggregate().complete(editor, now), EventEvents.COMPLETED,
                (loaded, after) -> EventEvents.EventCompleted.of(after));
    }

    /** Links the report in the knowledge base after the event. */
    public Event linkReport(String id, String reportUrl, Viewer editor, Instant now) {
        return events.change(id, loaded -> {
            Event after = loaded.aggregate().withReport(reportUrl, editor, now);
            return Change.to(after, after);
        });
    }

    /** Writes the event after the step together with the one event announced about it. */
    private <T> Event step(String id, Function<Loaded<Event>, Event> change, EventType<T> type,
            BiFunction<Loaded<Event>, Event, T> data) {
        return events.change(id, loaded -> {
            Event after = change.apply(loaded);
            return Change.to(after, after, OutgoingEvent.of(type, data.apply(loaded, after)));
        });
    }
}

package nl.mboconnect.events.catalog;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventDetails;
import nl.mboconnect.events.event.EventEvents;
import nl.mboconnect.events.event.EventStore;
import nl.mboconnect.events.event.EventStore.Stored;
import nl.mboconnect.events.event.EventStore.Update;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.events.registration.RosterStore;
import nl.mboconnect.platform.events.EventType;

/**
 * Writes an event's life — created, published, cancelled, completed, its report linked — each step
 * with the events published about it, as {@code RosterStore} does for registrations. One place, so
 * the API and the demo seeder tell the services and partners the same things; {@code now} is the
 * caller's, so a step may be recorded as taken earlier.
 */
@Component
public class LifecycleStore {

    private final EventStore store;
    private final RosterStore rosters;

    LifecycleStore(EventStore store, RosterStore rosters) {
        this.store = store;
        this.rosters = rosters;
    }

    /** A new draft; nothing is published about it until it is. */
    public Event create(String id, EventDetails details, List<String> organisers, Viewer author, Instant now) {
        Event event = Event.draft(id, details, organisers, author, now);
        store.insert(event);
        return event;
    }

    public Event publish(String id, Viewer editor, Instant now) {
        return step(id, stored -> stored.event().publish(editor, now), EventEvents.PUBLISHED,
                (stored, after) -> EventEvents.EventPublished.of(after));
    }

    /** Cancels the event: every registration lapses and registrants are told through an event. */
    public Event cancel(String id, String reason, Viewer editor, Instant now) {
        return step(id, stored -> stored.event().cancel(reason, editor, now), EventEvents.CANCELLED,
                (stored, after) -> EventEvents.EventCancelled.of(after, rosters.roster(stored).activeMembers()));
    }

    public Event complete(String id, Viewer editor, Instant now) {
        return step(id, stored -> stored.event().complete(editor, now), EventEvents.COMPLETED,
                (stored, after) -> EventEvents.EventCompleted.of(after));
    }

    /** Links the report in the knowledge base after the event. */
    public Event linkReport(String id, String reportUrl, Viewer editor, Instant now) {
        return store.update(id, stored -> {
            Event after = stored.event().withReport(reportUrl, editor, now);
            return new Update<>(after, null, List.of(), after);
        });
    }

    /** Writes the event after the step together with the one event published about it. */
    private <T> Event step(String id, Function<Stored, Event> change, EventType<T> type,
            BiFunction<Stored, Event, T> data) {
        return store.update(id, stored -> {
            Event after = change.apply(stored);
            return new Update<>(after, null, List.of(store.entry(type, id, data.apply(stored, after))), after);
        });
    }
}

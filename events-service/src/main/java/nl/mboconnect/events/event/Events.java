package nl.mboconnect.events.event;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import nl.mboconnect.platform.events.aggregate.Change;
import nl.mboconnect.platform.events.aggregate.Loaded;
import nl.mboconnect.platform.events.aggregate.OutgoingEvent;

/**
 * The event feature as the other features use it: events by id and by the questions they ask of
 * them, and the one way to change an event. Every change that partners can see announces a new
 * snapshot on {@value PartnerEvents#TOPIC}, numbered by the event's version, so partners can order
 * them; while Kafka is away, only the newest waits.
 */
@Component
public class Events {

    /** The collection of the events' documents, in which other features keep parts of their own. */
    public static final String COLLECTION = EventStore.COLLECTION;

    private final EventStore store;

    Events(EventStore store) {
        this.store = store;
    }

    /** Whether no event is stored at all (the demo data goes only into an empty collection). */
    public boolean isEmpty() {
        return store.isEmpty();
    }

    /** The event, without the parts other features keep with it. */
    public Optional<Event> find(String id) {
        return store.find(id);
    }

    /** The event with the parts other features keep with it (its registrations). */
    public Optional<Loaded<Event>> load(String id) {
        return store.load(id);
    }

    /** Published, cancelled and completed events that overlap the period, by start. */
    public List<Event> overlapping(Instant from, Instant until) {
        return store.overlapping(from, until);
    }

    /**
     * Events a member manages, by start: every event for editors, their own for organisers, those
     * that ended after {@code endedAfter} (null: any) and every draft.
     */
    public List<Event> managedBy(Viewer viewer, Instant endedAfter) {
        return store.managed(viewer.isEditor() ? null : viewer.memberId(), endedAfter).stream()
                .filter(event -> event.isManagedBy(viewer)).toList();
    }

    /** Events the member organises or created, in any state, by start (for their export). */
    public List<Event> organisedOrCreatedBy(String memberId) {
        return store.organisedOrCreatedBy(memberId);
    }

    /** A member's erasure: they organise nothing any more; what they created, "Voormalig lid" did. */
    public void eraseOrganiser(String memberId) {
        store.eraseOrganiser(memberId);
    }

    /** What partners see of the public events that end after {@code endedAfter}. */
    public List<PartnerEvents.PublicEvent> publicSnapshots(Instant endedAfter) {
        return store.publicEndingAfter(endedAfter).stream().map(this::snapshot).toList();
    }

    public List<Event> withOffersLapsedBy(Instant now, int limit) {
        return store.withOffersLapsedBy(now, limit);
    }

    /** The events of these ids that ended after {@code endedAfter}, by start. */
    public List<Event> withIds(Collection<String> ids, Instant endedAfter) {
        return ids.isEmpty() ? List.of() : store.withIds(ids, endedAfter);
    }

    /** The event it follows up, if the viewer may see that one too. */
    public Optional<String> followUpOfVisibleTo(Event event, Viewer viewer) {
        return Optional.ofNullable(event.details().links().followUpOf()).flatMap(store::find)
                .filter(original -> original.isVisibleTo(viewer)).map(Event::id);
    }

    /** A new draft; nothing is announced about it until it is published. */
    public void insert(Event event) {
        if (!store.aggregates().insert(EventStore.EventDocument.of(event))) {
            throw new IllegalStateException("event " + event.id() + " exists already");
        }
    }

    /**
     * Reads the event with its parts, lets {@code decide} say what changes, and writes that, with the
     * events it announces and the partner snapshot when partners see a difference, if nobody changed
     * the event in between; otherwise reads again and asks again.
     *
     * @throws nl.mboconnect.platform.domain.Refusal not found, busy, or what {@code decide} refuses
     */
    public <R> R change(String id, Function<Loaded<Event>, Change<Event, R>> decide) {
        return store.aggregates().update(id, stored -> {
            Loaded<Event> loaded = stored.map(EventStore.EventDocument::toEvent);
            Event before = loaded.aggregate();
            Change<Event, R> change = decide.apply(loaded);
            Event after = change.after() == null ? before : change.after();
            if (!change.writesNothing() && partnersSeeChange(before, after)) {
                change = change.andAnnounce(OutgoingEvent.snapshot(PartnerEvents.CHANGED,
                        snapshot(after, before.version() + 1)));
            }
            return change.map(EventStore.EventDocument::of);
        });
    }

    private PartnerEvents.PublicEvent snapshot(Event event) {
        return snapshot(event, event.version());
    }

    private PartnerEvents.PublicEvent snapshot(Event event, long revision) {
        boolean followsPublicEvent = event.details().links().followUpOf() != null
                && store.find(event.details().links().followUpOf()).filter(Event::isPublic).isPresent();
        return PartnerEvents.PublicEvent.of(event, revision, followsPublicEvent);
    }

    private static boolean partnersSeeChange(Event before, Event after) {
        if (!before.isPublic() && !after.isPublic()) {
            return false;
        }
        return before.isPublic() != after.isPublic() || before.status() != after.status()
                || !before.details().equals(after.details()) || !before.occupancy().equals(after.occupancy());
    }
}

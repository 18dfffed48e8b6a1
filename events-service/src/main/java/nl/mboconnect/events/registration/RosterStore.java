package nl.mboconnect.events.registration;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventProblem;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.EventStore;
import nl.mboconnect.events.event.EventStore.Stored;
import nl.mboconnect.events.event.EventStore.Update;
import nl.mboconnect.platform.events.EventType;
import nl.mboconnect.platform.events.outbox.OutboxEntry;

/**
 * The registrations of an event, kept in the event's own document ({@code registrations},
 * {@code arrivals}), so a registration, the counts and the events about it are one atomic write:
 * capacity holds whatever the concurrency, on any number of replicas.
 */
@Component
public class RosterStore {

    private static final Logger log = LoggerFactory.getLogger(RosterStore.class);

    private final EventStore events;
    private final Clock clock;

    RosterStore(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The roster as stored; public only because the driver's record codec reads it reflectively. */
    public record RosterDocument(List<Registration> registrations, Long arrivals) {

        Roster toRoster() {
            return new Roster(registrations, arrivals == null ? 0 : arrivals);
        }
    }

    public Roster roster(Stored stored) {
        return events.decode(stored.document(), RosterDocument.class).toRoster();
    }

    /** What a roster operation gives back: the event as it is now, and the roster after the operation. */
    public record Outcome(Event event, Roster roster, Roster.Change change) {
    }

    /**
     * Applies a roster operation to the event's current registrations and writes the outcome, with
     * the counts and the events about it, if nobody changed the event in between.
     */
    public Outcome change(String eventId, BiFunction<Event, Roster, Roster.Change> operation) {
        return change(eventId, clock.instant(), operation);
    }

    /**
     * As {@link #change(String, BiFunction)}, with {@code now} as the time of the change in what is
     * published (the demo records registrations and attendance as done in the past).
     */
    public Outcome change(String eventId, Instant now, BiFunction<Event, Roster, Roster.Change> operation) {
        return events.update(eventId, stored -> {
            Event event = stored.event();
            Roster before = roster(stored);
            Roster.Change change = operation.apply(event, before);
            if (!change.changed()) {
                return Update.none(new Outcome(event, before, change));
            }
            Roster after = change.roster();
            Event counted = event.withOccupancy(after.occupancy());
            List<OutboxEntry> entries = new ArrayList<>();
            for (Roster.Happened happened : change.happened()) {
                EventType<?> type = RegistrationEvents.typeOf(happened);
                if (type != null) {
                    entries.add(entry(type, eventId, RegistrationEvents.dataOf(event, happened, now)));
                }
            }
            Bson fields = Updates.combine(Updates.set("registrations", after.registrations()),
                    Updates.set("arrivals", after.arrivals()), Updates.set("nextOfferExpiry", after.nextOfferExpiry()));
            return new Update<>(counted, fields, entries, new Outcome(counted, after, change));
        });
    }

    /** Gives free places to the waitlist, e.g. after the capacity was raised. */
    public void fill(String eventId) {
        Instant now = clock.instant();
        change(eventId, (event, roster) -> roster.fill(event, now));
    }

    /**
     * Passes on every offer that lapsed by {@code now}: the next in line is offered the place (or
     * given it, as the event's policy says) and both members hear of it. Returns how many events
     * changed; one that cannot change now (it was cancelled meanwhile) is left for what it is.
     */
    public int passOnLapsedOffers(Instant now) {
        int changed = 0;
        for (Event event : events.findAll(and(eq("status", EventStatus.PUBLISHED.name()), lte("nextOfferExpiry", now)),
                Sorts.ascending("nextOfferExpiry"), 100)) {
            try {
                Outcome outcome = change(event.id(), now, (current, roster) -> roster.expireOffers(current, now));
                log.info("event {}: {} lapsed offers passed on", event.id(), outcome.change().happened().size());
                changed++;
            } catch (EventProblem e) {
                log.warn("event {}: lapsed offers not passed on: {}", event.id(), e.getMessage());
            }
        }
        return changed;
    }

    /** Events the member registered for (in any state), with their registrations. */
    public List<Stored> registrationsOf(String memberId, Instant endedAfter) {
        return events.loadAll(and(elemMatch("registrations", eq("memberId", memberId)),
                com.mongodb.client.model.Filters.gte("details.end", endedAfter)), Sorts.ascending("details.start"), 500);
    }

    @SuppressWarnings("unchecked")
    private <T> OutboxEntry entry(EventType<T> type, String eventId, Object data) {
        return events.entry(type, eventId, (T) data);
    }
}

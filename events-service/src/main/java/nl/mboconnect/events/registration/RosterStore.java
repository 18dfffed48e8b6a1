package nl.mboconnect.events.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.Events;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.events.aggregate.Change;
import nl.mboconnect.platform.events.aggregate.Loaded;
import nl.mboconnect.platform.events.aggregate.OutgoingEvent;

/**
 * The registrations of an event, kept in the event's own document as a part of this feature's
 * ({@code registrations}, {@code arrivals}, {@code nextOfferExpiry}), so a registration, the counts
 * and the events about it are one atomic write: capacity holds whatever the concurrency, on any
 * number of replicas.
 */
@Component
class RosterStore {

    private static final Logger log = LoggerFactory.getLogger(RosterStore.class);

    private final Events events;

    RosterStore(Events events) {
        this.events = events;
    }

    /** The roster as stored, the registration feature's part of an event's document. */
    public record RosterDocument(List<Registration> registrations, Long arrivals, Instant nextOfferExpiry) {

        static RosterDocument of(Roster roster) {
            return new RosterDocument(roster.registrations(), roster.arrivals(), roster.nextOfferExpiry());
        }

        Roster toRoster() {
            return new Roster(registrations, arrivals == null ? 0 : arrivals);
        }
    }

    static Roster roster(Loaded<Event> loaded) {
        return loaded.part(RosterDocument.class).toRoster();
    }

    /** What a roster operation gives back: the event as it is now, and the roster after the operation. */
    record Outcome(Event event, Roster roster, Roster.Change change) {
    }

    /**
     * Applies a roster operation to the event's current registrations and writes the outcome, with
     * the counts and the events about it, if nobody changed the event in between.
     *
     * @param now the time of the change in what is announced (the demo records some as done in the past)
     */
    Outcome change(String eventId, Instant now, BiFunction<Event, Roster, Roster.Change> operation) {
        return events.change(eventId, loaded -> {
            Event event = loaded.aggregate();
            Roster before = roster(loaded);
            Roster.Change change = operation.apply(event, before);
            if (!change.changed()) {
                return Change.none(new Outcome(event, before, change));
            }
            Event counted = event.withOccupancy(change.roster().occupancy());
            return Change.to(counted, new Outcome(counted, change.roster(), change), announced(event, change, now))
                    .withPart(RosterDocument.of(change.roster()));
        });
    }

    /** The events a roster change announces. */
    static List<OutgoingEvent<?>> announced(Event event, Roster.Change change, Instant now) {
        List<OutgoingEvent<?>> announced = new ArrayList<>();
        for (Roster.Happened happened : change.happened()) {
            RegistrationEvents.announcement(event, happened, now).ifPresent(announced::add);
        }
        return announced;
    }

    /**
     * Passes on every offer that lapsed by {@code now}: the next in line is offered the place (or
     * given it, as the event's policy says) and both members hear of it. Returns how many events
     * changed; one that cannot change now (it was cancelled meanwhile) is left for what it is.
     */
    int passOnLapsedOffers(Instant now) {
        int changed = 0;
        for (Event event : events.withOffersLapsedBy(now, 100)) {
            try {
                Outcome outcome = change(event.id(), now, (current, roster) -> roster.expireOffers(current, now));
                log.info("event {}: {} lapsed offers passed on", event.id(), outcome.change().happened().size());
                changed++;
            } catch (Refusal e) {
                log.warn("event {}: lapsed offers not passed on: {}", event.id(), e.getMessage());
            }
        }
        return changed;
    }
}

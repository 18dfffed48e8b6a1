package nl.mboconnect.events.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.mboconnect.events.event.Breakout;
import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.Occupancy;
import nl.mboconnect.events.event.WaitlistPolicy;

/**
 * The event's places and its sessions' places: whether one is free, and the waitlist moving up
 * into free places, first come first served, each member into the session they wait for.
 */
final class Places {

    private Places() {
    }

    /** Whether the member would have a place now, in the event and in the session they chose. */
    static boolean free(Event event, Occupancy occupancy, String breakoutId) {
        return hasPlace(event.details().attendance().capacity(), occupancy.placesTaken())
                && (breakoutId == null || inSession(event, occupancy, breakoutId));
    }

    /** Whether the session has a place left. */
    static boolean inSession(Event event, Occupancy occupancy, String breakoutId) {
        return hasPlace(capacityOf(event, breakoutId), occupancy.placesTaken(breakoutId));
    }

    /**
     * Gives free places to the first in line who fit them, confirmed at once or offered for a while as
     * the event's policy says; after {@code happened}, what it did is added.
     */
    static Roster.Change fill(Roster roster, Event event, Instant now, List<Roster.Happened> happened) {
        if (event.status() != EventStatus.PUBLISHED || event.hasStarted(now)) {
            return new Roster.Change(roster, happened);
        }
        WaitlistPolicy policy = event.details().attendance().waitlist();
        List<Registration> updated = new ArrayList<>(roster.registrations());
        Occupancy occupancy = roster.occupancy();
        int taken = occupancy.placesTaken();
        Map<String, Integer> takenPerBreakout = new HashMap<>(occupancy.breakouts());
        for (Registration waiting : roster.waitlist()) {
            if (!hasPlace(event.details().attendance().capacity(), taken)) {
                break;
            }
            String breakout = waiting.breakoutId();
            if (breakout != null && !hasPlace(capacityOf(event, breakout), takenPerBreakout.getOrDefault(breakout, 0))) {
                continue; // their session is full: the next in line may fit
            }
            boolean offer = policy.promotion() == WaitlistPolicy.Promotion.OFFER;
            Registration promoted = offer
                    ? waiting.with(Registration.Status.OFFERED, now,
                            earliest(now.plus(Duration.ofHours(policy.offerHours())), event.details().schedule().start()))
                    : waiting.with(Registration.Status.CONFIRMED, now, null);
            updated.set(updated.indexOf(waiting), promoted);
            happened.add(new Roster.Promoted(promoted, offer));
            taken++;
            if (breakout != null) {
                takenPerBreakout.merge(breakout, 1, Integer::sum);
            }
        }
        return new Roster.Change(new Roster(updated, roster.arrivals()), happened);
    }

    private static Integer capacityOf(Event event, String breakoutId) {
        return event.details().breakout(breakoutId).map(Breakout::capacity).orElse(null);
    }

    private static boolean hasPlace(Integer capacity, int taken) {
        return capacity == null || taken < capacity;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

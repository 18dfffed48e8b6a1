package nl.mboconnect.events.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
        if (event.status() != EventStatus.PUBLISHED || event.hasStarted(now) || !anyPlaceFor(event, roster.occupancy())) {
            return new Roster.Change(roster, happened);
        }
        WaitlistPolicy policy = event.details().attendance().waitlist();
        Roster after = roster;
        for (Registration waiting : roster.waitingInLine()) {
            if (!anyPlaceFor(event, after.occupancy())) {
                break; // read no further down the line than places there are
            }
            if (!free(event, after.occupancy(), waiting.breakoutId())) {
                continue; // their session is full: the next in line may fit
            }
            boolean offer = policy.promotion() == WaitlistPolicy.Promotion.OFFER;
            Registration promoted = offer
                    ? waiting.with(Registration.Status.OFFERED, now,
                            earliest(now.plus(Duration.ofHours(policy.offerHours())), event.details().schedule().start()))
                    : waiting.with(Registration.Status.CONFIRMED, now, null);
            after = after.with(promoted);
            happened.add(new Roster.Promoted(promoted, offer));
        }
        return new Roster.Change(after, happened);
    }

    /**
     * Whether someone waiting could move up: the event has a place, and when the waiting chose
     * sessions, one of those sessions has a place too (or someone waits without a session).
     */
    private static boolean anyPlaceFor(Event event, Occupancy occupancy) {
        if (occupancy.waitlisted() == 0 || !hasPlace(event.details().attendance().capacity(), occupancy.placesTaken())) {
            return false;
        }
        int waitingForSessions = occupancy.waitingFor().values().stream().mapToInt(Integer::intValue).sum();
        return waitingForSessions < occupancy.waitlisted() || occupancy.waitingFor().keySet().stream()
                .anyMatch(breakout -> inSession(event, occupancy, breakout));
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

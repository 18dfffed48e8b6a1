package nl.mboconnect.events.event;

import java.util.Map;

/**
 * How full an event is, kept by registration in the same document write as the registrations
 * themselves: places held (confirmed plus offered) per event and per breakout, the waitlist, and
 * per breakout how many wait for it.
 */
public record Occupancy(int confirmed, int offered, int waitlisted, Map<String, Integer> breakouts,
        Map<String, Integer> waitingFor) {

    public static final Occupancy EMPTY = new Occupancy(0, 0, 0, Map.of(), Map.of());

    public Occupancy {
        breakouts = breakouts == null ? Map.of() : Map.copyOf(breakouts);
        waitingFor = waitingFor == null ? Map.of() : Map.copyOf(waitingFor);
    }

    /** Members holding a place in or waiting for the breakout: it is in use while there are any. */
    public int choosing(String breakoutId) {
        return placesTaken(breakoutId) + waitingFor.getOrDefault(breakoutId, 0);
    }

    /** Places no one else can take: confirmed attendees and open offers. */
    public int placesTaken() {
        return confirmed + offered;
    }

    public int placesTaken(String breakoutId) {
        return breakouts.getOrDefault(breakoutId, 0);
    }
}

package nl.mboconnect.events.event;

import java.util.Map;

/**
 * How full an event is, kept by registration in the same document write as the registrations
 * themselves: places held (confirmed plus offered) per event and per breakout, and the waitlist.
 */
public record Occupancy(int confirmed, int offered, int waitlisted, Map<String, Integer> breakouts) {

    public static final Occupancy EMPTY = new Occupancy(0, 0, 0, Map.of());

    public Occupancy {
        breakouts = breakouts == null ? Map.of() : Map.copyOf(breakouts);
    }

    /** Places no one else can take: confirmed attendees and open offers. */
    public int placesTaken() {
        return confirmed + offered;
    }

    public int placesTaken(String breakoutId) {
        return breakouts.getOrDefault(breakoutId, 0);
    }
}

package nl.mboconnect.events.event;

/** A breakout session (deelsessie) attendees choose at registration; {@code capacity} null is unlimited. */
public record Breakout(String id, String title, String description, Integer capacity) {
}

package nl.mboconnect.events.event;

import java.time.Instant;

/** One slot of the programme; a slot that is a breakout session names it. */
public record ProgrammeItem(Instant start, Instant end, String title, String speaker, String description,
        String breakoutId) {
}

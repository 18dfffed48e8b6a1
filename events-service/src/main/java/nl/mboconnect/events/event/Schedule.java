package nl.mboconnect.events.event;

import java.time.Instant;
import java.util.List;

/** When it takes place, and its programme, in order of time within the event. */
public record Schedule(Instant start, Instant end, List<ProgrammeItem> programme) {

    public Schedule {
        programme = EventDetails.copy(programme);
    }
}

package nl.mboconnect.events.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/** Events for tests of the domain: a knowledge session next month, changed one part at a time. */
public final class EventFixtures {

    public static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    public static final Instant START = EventTime.toInstant(LocalDateTime.parse("2026-12-10T13:30"), "start");
    public static final Instant END = EventTime.toInstant(LocalDateTime.parse("2026-12-10T17:00"), "end");
    public static final Viewer EDITOR = Viewer.member("noor", Set.of("vriend", "redacteur"));

    private EventFixtures() {
    }

    public static EventDetails details() {
        return new EventDetails(
                new About(EventKind.KENNISSESSIE, "Vakmanschap in de regio", "Een middag over samenwerken.",
                        List.of("MBO Connect"), List.of("Vakmanschap"), List.of("Docenten")),
                new Schedule(START, END,
                        List.of(new ProgrammeItem(START, START.plusSeconds(1800), "Opening", "Dagvoorzitter", null, null))),
                new Location(Location.Mode.ONSITE, "ROC Midden", "Stationsplein 1, 3511 AA Utrecht", "Utrecht", "Midden",
                        null, null),
                new Attendance(new Audience("Docenten", List.of()), 50, null, WaitlistPolicy.automatic(), List.of(),
                        List.of()),
                Visibility.publicly(), Links.none());
    }

    public static EventDetails withCapacity(EventDetails d, Integer capacity) {
        return d.withAttendance(d.attendance().withCapacity(capacity));
    }

    public static EventDetails withBreakouts(EventDetails d, List<Breakout> breakouts) {
        return d.withAttendance(d.attendance().withBreakouts(breakouts));
    }

    public static EventDetails withQuestions(EventDetails d, List<Question> questions) {
        return d.withAttendance(d.attendance().withQuestions(questions));
    }

    public static EventDetails withWaitlist(EventDetails d, WaitlistPolicy waitlist) {
        return d.withAttendance(d.attendance().withWaitlist(waitlist));
    }

    public static EventDetails withVisibility(EventDetails d, Visibility visibility) {
        return d.withVisibility(visibility);
    }

    public static EventDetails withTimes(EventDetails d, Instant start, Instant end, List<ProgrammeItem> programme) {
        return d.withSchedule(new Schedule(start, end, programme));
    }

    public static EventDetails withLocation(EventDetails d, Location location) {
        return d.withLocation(location);
    }

    /** A published event with these details. */
    public static Event published(EventDetails details) {
        return Event.draft("evt-1", details, List.of("olga"), EDITOR, NOW.minusSeconds(3600)).publish(EDITOR, NOW.minusSeconds(60));
    }

    public static Viewer member(String id) {
        return Viewer.member(id, Set.of("vriend"));
    }
}

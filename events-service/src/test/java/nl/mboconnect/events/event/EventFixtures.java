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
        return new EventDetails(EventKind.KENNISSESSIE, "Vakmanschap in de regio", "Een middag over samenwerken.",
                List.of("MBO Connect"), List.of("Vakmanschap"), List.of("Docenten"), new Audience("Docenten", List.of()),
                START, END, new Location(Location.Mode.ONSITE, "ROC Midden", "Stationsplein 1, 3511 AA Utrecht", "Utrecht",
                        "Midden", null, null),
                List.of(new ProgrammeItem(START, START.plusSeconds(1800), "Opening", "Dagvoorzitter", null, null)),
                List.of(), List.of(), Visibility.publicly(), 50, null, WaitlistPolicy.automatic(), null, null, null);
    }

    public static EventDetails withCapacity(EventDetails d, Integer capacity) {
        return new EventDetails(d.kind(), d.title(), d.description(), d.organisations(), d.themes(), d.categories(),
                d.audience(), d.start(), d.end(), d.location(), d.programme(), d.breakouts(), d.questions(),
                d.visibility(), capacity, d.registrationDeadline(), d.waitlist(), d.series(), d.followUpOf(), d.reportUrl());
    }

    public static EventDetails withBreakouts(EventDetails d, List<Breakout> breakouts) {
        return new EventDetails(d.kind(), d.title(), d.description(), d.organisations(), d.themes(), d.categories(),
                d.audience(), d.start(), d.end(), d.location(), d.programme(), breakouts, d.questions(),
                d.visibility(), d.capacity(), d.registrationDeadline(), d.waitlist(), d.series(), d.followUpOf(),
                d.reportUrl());
    }

    public static EventDetails withQuestions(EventDetails d, List<Question> questions) {
        return new EventDetails(d.kind(), d.title(), d.description(), d.organisations(), d.themes(), d.categories(),
                d.audience(), d.start(), d.end(), d.location(), d.programme(), d.breakouts(), questions,
                d.visibility(), d.capacity(), d.registrationDeadline(), d.waitlist(), d.series(), d.followUpOf(),
                d.reportUrl());
    }

    public static EventDetails withWaitlist(EventDetails d, WaitlistPolicy waitlist) {
        return new EventDetails(d.kind(), d.title(), d.description(), d.organisations(), d.themes(), d.categories(),
                d.audience(), d.start(), d.end(), d.location(), d.programme(), d.breakouts(), d.questions(),
                d.visibility(), d.capacity(), d.registrationDeadline(), waitlist, d.series(), d.followUpOf(),
                d.reportUrl());
    }

    public static EventDetails withVisibility(EventDetails d, Visibility visibility) {
        return new EventDetails(d.kind(), d.title(), d.description(), d.organisations(), d.themes(), d.categories(),
                d.audience(), d.start(), d.end(), d.location(), d.programme(), d.breakouts(), d.questions(),
                visibility, d.capacity(), d.registrationDeadline(), d.waitlist(), d.series(), d.followUpOf(),
                d.reportUrl());
    }

    public static EventDetails withTimes(EventDetails d, Instant start, Instant end, List<ProgrammeItem> programme) {
        return new EventDetails(d.kind(), d.title(), d.description(), d.organisations(), d.themes(), d.categories(),
                d.audience(), start, end, d.location(), programme, d.breakouts(), d.questions(), d.visibility(),
                d.capacity(), d.registrationDeadline(), d.waitlist(), d.series(), d.followUpOf(), d.reportUrl());
    }

    public static EventDetails withLocation(EventDetails d, Location location) {
        return new EventDetails(d.kind(), d.title(), d.description(), d.organisations(), d.themes(), d.categories(),
                d.audience(), d.start(), d.end(), location, d.programme(), d.breakouts(), d.questions(), d.visibility(),
                d.capacity(), d.registrationDeadline(), d.waitlist(), d.series(), d.followUpOf(), d.reportUrl());
    }

    /** A published event with these details. */
    public static Event published(EventDetails details) {
        return Event.draft("evt-1", details, List.of("olga"), EDITOR, NOW.minusSeconds(3600)).publish(EDITOR, NOW.minusSeconds(60));
    }

    public static Viewer member(String id) {
        return Viewer.member(id, Set.of("vriend"));
    }
}

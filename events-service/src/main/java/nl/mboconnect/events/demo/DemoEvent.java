package nl.mboconnect.events.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.mboconnect.events.event.About;
import nl.mboconnect.events.event.Attendance;
import nl.mboconnect.events.event.Audience;
import nl.mboconnect.events.event.Breakout;
import nl.mboconnect.events.event.EventDetails;
import nl.mboconnect.events.event.EventKind;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.EventTime;
import nl.mboconnect.events.event.Links;
import nl.mboconnect.events.event.Location;
import nl.mboconnect.events.event.ProgrammeItem;
import nl.mboconnect.events.event.Question;
import nl.mboconnect.events.event.Schedule;
import nl.mboconnect.events.event.SeriesLink;
import nl.mboconnect.events.event.Visibility;
import nl.mboconnect.events.event.WaitlistPolicy;

/**
 * One event of {@code demo/events.json}. Its date is a {@code day} counted from today and its times
 * are local times, so the agenda always has something coming and something past; accounts are named
 * by username; how full it is are counts, which the seeder brings about by registering people.
 *
 * @param followUpOf the key of the event this one follows up
 * @param reportUrl linked once the event is over, as editors do
 * @param status where the event ends up: published, draft, cancelled (with {@code cancelReason}) or completed
 */
record DemoEvent(String key, EventKind kind, String title, String description, List<String> organisations,
        List<String> themes, List<String> categories, Audience audience, int day, LocalTime start, LocalTime end,
        Location location, List<Slot> programme, List<Breakout> breakouts, List<Ask> questions, Invitation visibility,
        Integer capacity, Integer deadlineDaysBefore, WaitlistPolicy waitlist, List<String> organisers,
        SeriesLink series, String followUpOf, String reportUrl, EventStatus status, String cancelReason,
        Registrations registrations) {

    DemoEvent {
        programme = programme == null ? List.of() : List.copyOf(programme);
        questions = questions == null ? List.of() : List.copyOf(questions);
        organisers = organisers == null ? List.of() : List.copyOf(organisers);
    }

    /** A programme slot; {@code breakout} names the breakout session it is. */
    record Slot(LocalTime start, LocalTime end, String title, String speaker, String description, String breakout) {
    }

    /** A question of the registration form, with the answers people give when it asks for text. */
    record Ask(String id, String label, Question.Type type, List<String> options, boolean required,
            List<String> answers) {

        Ask {
            options = options == null ? List.of() : List.copyOf(options);
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    /** Who may see the event; {@code invitees} are usernames of accounts. */
    record Invitation(Visibility.Level level, List<String> invitees) {

        Invitation {
            invitees = invitees == null ? List.of() : List.copyOf(invitees);
        }
    }

    /**
     * How full the event ends up: the {@code accounts} (usernames) register first, then fictional
     * people, until {@code confirmed} have a place and {@code waitlisted} wait in line; the first
     * {@code attended} of those with a place are checked in.
     */
    record Registrations(int confirmed, int waitlisted, int attended, List<String> accounts) {

        Registrations {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
        }

        int registrants() {
            return confirmed + waitlisted;
        }
    }

    /** The same id on every machine and every run: a second seeding fails on its first insert. */
    static String idOf(String key) {
        return UUID.nameUUIDFromBytes(("demo-event:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    String id() {
        return idOf(key);
    }

    /**
     * What the organisers wrote, on the date {@code day} days from {@code today}. The report link is
     * left out: it is linked after the event.
     *
     * @param invitees member ids of the invitees, for an invitation-only event
     */
    EventDetails details(LocalDate today, List<String> invitees) {
        LocalDate date = today.plusDays(day);
        Instant startsAt = at(date, start, "start");
        List<ProgrammeItem> items = new ArrayList<>();
        for (int i = 0; i < programme.size(); i++) {
            Slot slot = programme.get(i);
            items.add(new ProgrammeItem(at(date, slot.start(), "programme[" + i + "].start"),
                    at(date, slot.end(), "programme[" + i + "].end"), slot.title(), slot.speaker(), slot.description(),
                    slot.breakout()));
        }
        List<Question> form = questions.stream()
                .map(ask -> new Question(ask.id(), ask.label(), ask.type(), ask.options(), ask.required())).toList();
        return new EventDetails(new About(kind, title, description, organisations, themes, categories),
                new Schedule(startsAt, at(date, end, "end"), items), location,
                new Attendance(audience, capacity,
                        deadlineDaysBefore == null ? null : startsAt.minus(Duration.ofDays(deadlineDaysBefore)), waitlist,
                        breakouts, form),
                new Visibility(visibility.level(), invitees, List.of()),
                new Links(series, followUpOf == null ? null : idOf(followUpOf), null));
    }

    private static Instant at(LocalDate date, LocalTime time, String field) {
        return EventTime.toInstant(date.atTime(time), field);
    }
}

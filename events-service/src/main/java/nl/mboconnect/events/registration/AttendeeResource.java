package nl.mboconnect.events.registration;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.events.event.Breakout;
import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventTime;
import nl.mboconnect.events.event.Events;
import nl.mboconnect.events.event.Question;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.events.aggregate.Loaded;
import nl.mboconnect.platform.service.MembersOnly;

/**
 * Who registered, for the event's organisers, editors and administrators only: the list with the
 * answers, its CSV export, and check-in during or after the event. Nobody else sees who registered.
 */
@RestController
@RequestMapping("/api/events/events/{id}")
@MembersOnly
class AttendeeResource {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Events events;
    private final RosterStore rosters;
    private final Clock clock;

    AttendeeResource(Events events, RosterStore rosters, Clock clock) {
        this.events = events;
        this.rosters = rosters;
        this.clock = clock;
    }

    record Attendee(String memberId, String displayName, Registration.Status status, Integer position,
            String breakoutId, Map<String, String> answers, Instant registeredAt, OffsetDateTime offerExpiresAt,
            OffsetDateTime checkedInAt) {
    }

    record AttendeeList(String eventId, String title, Integer capacity, int confirmed, int offered, int waitlisted,
            int checkedIn, List<Attendee> attendees) {
    }

    @GetMapping("/attendees")
    AttendeeList attendees(Viewer viewer, @PathVariable String id) {
        Loaded<Event> loaded = managed(id, viewer);
        Event event = loaded.aggregate();
        List<Attendee> attendees = attendees(rosters.all(loaded));
        int checkedIn = (int) attendees.stream().filter(attendee -> attendee.checkedInAt() != null).count();
        return new AttendeeList(event.id(), event.details().about().title(), event.details().attendance().capacity(),
                event.occupancy().confirmed(), event.occupancy().offered(), event.occupancy().waitlisted(), checkedIn,
                attendees);
    }

    /** The attendee list as a spreadsheet: one row per attendee, one column per question of the event. */
    @GetMapping(value = "/attendees.csv", produces = "text/csv")
    ResponseEntity<byte[]> export(Viewer viewer, @PathVariable String id) {
        Loaded<Event> loaded = managed(id, viewer);
        Event event = loaded.aggregate();
        List<Question> questions = event.details().attendance().questions();
        List<String> header = new ArrayList<>(List.of("Naam", "Status", "Plaats op wachtlijst", "Deelsessie",
                "Aangemeld op", "Aanwezig"));
        questions.forEach(question -> header.add(question.label()));
        StringWriter out = new StringWriter();
        // Excel in the Netherlands opens semicolon-separated files, and UTF-8 only with the byte-order mark
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(';').setHeader(header.toArray(String[]::new)).get();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (Attendee attendee : attendees(rosters.all(loaded))) {
                List<String> row = new ArrayList<>();
                row.add(safe(attendee.displayName()));
                row.add(dutch(attendee.status()));
                row.add(attendee.position() == null ? "" : attendee.position().toString());
                row.add(event.details().breakout(attendee.breakoutId()).map(Breakout::title).orElse(""));
                row.add(CSV_TIME.format(EventTime.toLocal(attendee.registeredAt())));
                row.add(attendee.checkedInAt() == null ? "" : "ja");
                questions.forEach(question -> row.add(safe(attendee.answers().getOrDefault(question.id(), ""))));
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String filename = "aanmeldingen-" + event.id() + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    record Presence(@NotNull Boolean present) {
    }

    /** Checks a confirmed attendee in (present) or undoes it; from an hour before the start. */
    @PutMapping("/attendees/{memberId}/attendance")
    Attendee attendance(Viewer viewer, @PathVariable String id, @PathVariable String memberId,
            @Valid @RequestBody Presence presence) {
        Instant now = clock.instant();
        RosterStore.Outcome outcome = rosters.change(id, memberId, now,
                (event, roster) -> roster.recordAttendance(event, viewer, memberId, presence.present(), now));
        Registration registration = outcome.roster().of(memberId)
                .orElseThrow(() -> Refusal.notFound("registration of " + memberId));
        return attendee(registration, outcome.roster().positionOf(memberId));
    }

    private Loaded<Event> managed(String id, Viewer viewer) {
        Loaded<Event> loaded = events.load(id).orElseThrow(() -> Refusal.notFound("event " + id));
        loaded.aggregate().requireManagedBy(viewer);
        return loaded;
    }

    /** Confirmed and offered in order of arrival, then the waitlist in its order. */
    private static List<Attendee> attendees(List<Registration> byArrival) {
        List<Attendee> holding = new ArrayList<>();
        List<Attendee> waiting = new ArrayList<>();
        for (Registration registration : byArrival) {
            if (registration.status() == Registration.Status.WAITLISTED) {
                waiting.add(attendee(registration, waiting.size() + 1));
            } else if (registration.status().active()) {
                holding.add(attendee(registration, 0));
            }
        }
        holding.addAll(waiting);
        return holding;
    }

    private static Attendee attendee(Registration registration, int position) {
        return new Attendee(registration.memberId(), registration.displayName(), registration.status(),
                position == 0 ? null : position, registration.breakoutId(), registration.answers(),
                registration.registeredAt(), zoned(registration.offerExpiresAt()), zoned(registration.checkedInAt()));
    }

    private static OffsetDateTime zoned(Instant instant) {
        return instant == null ? null : EventTime.zoned(instant).toOffsetDateTime();
    }

    private static String dutch(Registration.Status status) {
        return switch (status) {
            case CONFIRMED -> "aangemeld";
            case OFFERED -> "plaats aangeboden";
            case WAITLISTED -> "wachtlijst";
            case CANCELLED -> "afgemeld";
            case LAPSED -> "aanbod verlopen";
        };
    }

    /** Keeps a spreadsheet from reading a member's answer as a formula (CSV injection). */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}

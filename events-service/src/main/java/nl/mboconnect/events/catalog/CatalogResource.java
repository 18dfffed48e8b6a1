package nl.mboconnect.events.catalog;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventKind;
import nl.mboconnect.events.event.EventTime;
import nl.mboconnect.events.event.Events;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.events.registration.Registrations;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.events.aggregate.Loaded;
import nl.mboconnect.platform.service.EditorsOnly;
import nl.mboconnect.platform.service.EndpointAuthorization;
import nl.mboconnect.platform.service.MembersOnly;

/**
 * The agenda and the event pages, for everyone who may see them; creating, editing, publishing,
 * cancelling and completing events, for editors, administrators and the event's organisers.
 */
@RestController
@RequestMapping("/api/events")
class CatalogResource {


    /** Agenda dates outside these years are a mistake in the address, not a period anyone plans in. */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final Events events;
    private final Registrations registrations;
    private final Lifecycle lifecycle;
    private final Clock clock;

    CatalogResource(Events events, Registrations registrations, Lifecycle lifecycle, Clock clock) {
        this.events = events;
        this.registrations = registrations;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /**
     * Events in a period (from today for a year, unless asked otherwise), filtered by kind, theme
     * and region; only those the caller may see, so an invitation-only event is missing for the
     * uninvited.
     */
    @GetMapping("/agenda")
    AgendaView agenda(Viewer viewer, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) @Size(max = 40) String kind,
            @RequestParam(required = false) @Size(max = 60) String theme,
            @RequestParam(required = false) @Size(max = 60) String region) {
        EventKind wanted = kind == null || kind.isBlank() ? null : kindNamed(kind);
        Instant now = clock.instant();
        requireSensible("from", from);
        requireSensible("to", to);
        LocalDate first = from != null ? from : LocalDate.ofInstant(now, EventTime.ZONE);
        LocalDate last = to != null ? to : first.plusYears(1);
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) > 800) {
            throw Refusal.invalid("to", "range", "the period runs forward and lasts at most two years");
        }
        List<Event> visible = events.overlapping(first.atStartOfDay(EventTime.ZONE).toInstant(),
                last.plusDays(1).atStartOfDay(EventTime.ZONE).toInstant()).stream()
                .filter(event -> event.isVisibleTo(viewer)).toList();
        TreeSet<String> kinds = new TreeSet<>();
        TreeSet<String> themes = new TreeSet<>();
        TreeSet<String> regions = new TreeSet<>();
        List<AgendaView.Item> items = new ArrayList<>();
        for (Event event : visible) {
            kinds.add(event.details().about().kind().name().toLowerCase());
            themes.addAll(event.details().about().themes());
            if (event.details().location().region() != null) {
                regions.add(event.details().location().region());
            }
            if ((wanted == null || event.details().about().kind() == wanted)
                    && (theme == null || event.details().about().themes().contains(theme))
                    && (region == null || region.equals(event.details().location().region()))) {
                items.add(AgendaView.Item.of(event, now));
            }
        }
        return new AgendaView(items, kinds, themes, regions);
    }

    private static void requireSensible(String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw Refusal.invalid(field, "out-of-range", "a date in the agenda lies between " + EARLIEST + " and " + LATEST);
        }
    }

    private static EventKind kindNamed(String kind) {
        try {
            return EventKind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("kind", "unknown-kind", "there is no kind of event called " + kind);
        }
    }

    /** Everything about one event; 404 alike for an event that does not exist and one the caller may not see. */
    @GetMapping("/events/{id}")
    EventView event(Viewer viewer, @PathVariable String id) {
        Loaded<Event> loaded = events.load(id).filter(found -> found.aggregate().isVisibleTo(viewer))
                .orElseThrow(() -> Refusal.notFound("event " + id));
        Event event = loaded.aggregate();
        boolean manageable = event.isManagedBy(viewer);
        boolean attending = registrations.of(loaded, viewer.memberId())
                .filter(registration -> registration.status().holdsPlace()).isPresent();
        return EventView.of(event, viewer, manageable || attending, events.followUpOfVisibleTo(event, viewer).orElse(null),
                clock.instant());
    }

    /** Events the caller manages: all of them for editors, their own for organisers; drafts included. */
    @GetMapping("/manage")
    @MembersOnly
    List<EventView> managed(Viewer viewer,
            @RequestParam(defaultValue = "false") boolean includePast) {
        Instant now = clock.instant();
        return events.managedBy(viewer, includePast ? null : now.minus(30, ChronoUnit.DAYS)).stream()
                .map(event -> EventView.of(event, viewer, true, event.details().links().followUpOf(), now)).toList();
    }

    @PostMapping("/events")
    @EditorsOnly
    ResponseEntity<EventView> create(Viewer viewer, @Valid @RequestBody EventRequest request) {
        Instant now = clock.instant();
        Event event = lifecycle.create(UUID.randomUUID().toString(), request.toDetails(), request.organisers(), viewer,
                now);
        return ResponseEntity.created(URI.create("/api/events/events/" + event.id()))
                .body(EventView.of(event, viewer, true, event.details().links().followUpOf(), now));
    }

    /** Replaces what the organisers wrote; attendees hear of a new time or place through an event. */
    @PutMapping("/events/{id}")
    @MembersOnly
    EventView edit(Viewer viewer, @PathVariable String id, @Valid @RequestBody EventRequest request) {
        return change(viewer, (caller, now) -> lifecycle.edit(id, request.toDetails(), request.organisers(), caller, now));
    }

    @PostMapping("/events/{id}/publish")
    @MembersOnly
    EventView publish(Viewer viewer, @PathVariable String id) {
        return change(viewer, (caller, now) -> lifecycle.publish(id, caller, now));
    }

    record Cancellation(@Size(max = 1000) String reason) {
    }

    /** Cancels the event: every registration lapses and registrants are told through an event. */
    @PostMapping("/events/{id}/cancel")
    @MembersOnly
    EventView cancel(Viewer viewer, @PathVariable String id,
            @Valid @RequestBody(required = false) Cancellation cancellation) {
        String reason = cancellation == null || cancellation.reason() == null || cancellation.reason().isBlank() ? null
                : cancellation.reason().strip();
        return change(viewer, (caller, now) -> lifecycle.cancel(id, reason, caller, now));
    }

    @PostMapping("/events/{id}/complete")
    @MembersOnly
    EventView complete(Viewer viewer, @PathVariable String id) {
        return change(viewer, (caller, now) -> lifecycle.complete(id, caller, now));
    }

    record Report(@Size(max = 500) String reportUrl) {
    }

    /** Links the report in the knowledge base after the event. */
    @PutMapping("/events/{id}/report")
    @MembersOnly
    EventView report(Viewer viewer, @PathVariable String id, @Valid @RequestBody Report report) {
        return change(viewer, (caller, now) -> lifecycle.linkReport(id, report.reportUrl(), caller, now));
    }

    /** A lifecycle step, taken by the caller at the time of the request. */
    @FunctionalInterface
    interface Transition {
        Event apply(Viewer viewer, Instant now);
    }

    private EventView change(Viewer viewer, Transition transition) {
        Instant now = clock.instant();
        Event event = transition.apply(viewer, now);
        return EventView.of(event, viewer, true, event.details().links().followUpOf(), now);
    }

    @Configuration
    static class AnonymousReading {

        /** Visitors without an account read the agenda, public event pages and calendar files. */
        @Bean
        EndpointAuthorization anonymousEventReading() {
            return rules -> rules.requestMatchers(HttpMethod.GET, "/api/events/agenda", "/api/events/events/*",
                    "/api/events/events/*/calendar.ics", "/api/events/calendar/feeds/*").permitAll();
        }
    }
}

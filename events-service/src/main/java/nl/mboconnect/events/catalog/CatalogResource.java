package nl.mboconnect.events.catalog;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

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

import org.bson.conversions.Bson;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventEvents;
import nl.mboconnect.events.event.EventKind;
import nl.mboconnect.events.event.EventProblem;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.EventStore;
import nl.mboconnect.events.event.EventStore.Update;
import nl.mboconnect.events.event.EventTime;
import nl.mboconnect.events.event.EventWeb;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.events.registration.RosterStore;
import nl.mboconnect.platform.service.EndpointAuthorization;

/**
 * The agenda and the event pages, for everyone who may see them; creating, editing, publishing,
 * cancelling and completing events, for editors, administrators and the event's organisers.
 */
@RestController
@RequestMapping("/api/events")
class CatalogResource {

    private static final int AGENDA_LIMIT = 1000;
    private static final String MEMBERS = "hasAnyRole('vriend', 'lid', 'redacteur', 'beheerder')";

    private final EventStore store;
    private final RosterStore rosters;
    private final LifecycleStore lifecycle;
    private final Clock clock;

    CatalogResource(EventStore store, RosterStore rosters, LifecycleStore lifecycle, Clock clock) {
        this.store = store;
        this.rosters = rosters;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /**
     * Events in a period (from today for a year, unless asked otherwise), filtered by kind, theme
     * and region; only those the caller may see, so an invitation-only event is missing for the
     * uninvited.
     */
    @GetMapping("/agenda")
    AgendaView agenda(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) @Size(max = 40) String kind,
            @RequestParam(required = false) @Size(max = 60) String theme,
            @RequestParam(required = false) @Size(max = 60) String region) {
        Viewer viewer = EventWeb.viewer(token);
        EventKind wanted = kind == null || kind.isBlank() ? null : kindNamed(kind);
        Instant now = clock.instant();
        LocalDate first = from != null ? from : LocalDate.ofInstant(now, EventTime.ZONE);
        LocalDate last = to != null ? to : first.plusYears(1);
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) > 800) {
            throw EventProblem.invalid("to", "range", "the period runs forward and lasts at most two years");
        }
        Bson period = and(in("status", EventStatus.PUBLISHED.name(), EventStatus.CANCELLED.name(),
                EventStatus.COMPLETED.name()),
                gte("details.end", first.atStartOfDay(EventTime.ZONE).toInstant()),
                lt("details.start", last.plusDays(1).atStartOfDay(EventTime.ZONE).toInstant()));
        List<Event> visible = store.findAll(period, Sorts.ascending("details.start"), AGENDA_LIMIT).stream()
                .filter(event -> event.isVisibleTo(viewer)).toList();
        TreeSet<String> kinds = new TreeSet<>();
        TreeSet<String> themes = new TreeSet<>();
        TreeSet<String> regions = new TreeSet<>();
        List<AgendaView.Item> items = new ArrayList<>();
        for (Event event : visible) {
            kinds.add(event.details().kind().name().toLowerCase());
            themes.addAll(event.details().themes());
            if (event.details().location().region() != null) {
                regions.add(event.details().location().region());
            }
            if ((wanted == null || event.details().kind() == wanted)
                    && (theme == null || event.details().themes().contains(theme))
                    && (region == null || region.equals(event.details().location().region()))) {
                items.add(AgendaView.Item.of(event, now));
            }
        }
        return new AgendaView(items, kinds, themes, regions);
    }

    private static EventKind kindNamed(String kind) {
        try {
            return EventKind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw EventProblem.invalid("kind", "unknown-kind", "there is no kind of event called " + kind);
        }
    }

    /** Everything about one event; 404 alike for an event that does not exist and one the caller may not see. */
    @GetMapping("/events/{id}")
    EventView event(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        Viewer viewer = EventWeb.viewer(token);
        EventStore.Stored stored = store.load(id).filter(found -> found.event().isVisibleTo(viewer))
                .orElseThrow(() -> EventProblem.notFound("event " + id));
        Event event = stored.event();
        boolean manageable = event.isManagedBy(viewer);
        boolean attending = viewer.memberId() != null && rosters.roster(stored).of(viewer.memberId())
                .filter(registration -> registration.status().holdsPlace()).isPresent();
        return EventView.of(event, viewer, manageable || attending, clock.instant());
    }

    /** Events the caller manages: all of them for editors, their own for organisers; drafts included. */
    @GetMapping("/manage")
    @PreAuthorize(MEMBERS)
    List<EventView> managed(@AuthenticationPrincipal Jwt token,
            @RequestParam(defaultValue = "false") boolean includePast) {
        Viewer viewer = EventWeb.viewer(token);
        Instant now = clock.instant();
        Bson mine = viewer.isEditor() ? Filters.empty() : Filters.eq("organisers", viewer.memberId());
        Bson when = includePast ? Filters.empty()
                : or(gte("details.end", now.minus(30, ChronoUnit.DAYS)), Filters.eq("status", EventStatus.DRAFT.name()));
        return store.findAll(and(mine, when), Sorts.ascending("details.start"), AGENDA_LIMIT).stream()
                .filter(event -> event.isManagedBy(viewer))
                .map(event -> EventView.of(event, viewer, true, now)).toList();
    }

    @PostMapping("/events")
    @PreAuthorize("hasAnyRole('redacteur', 'beheerder')")
    ResponseEntity<EventView> create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody EventRequest request) {
        Viewer viewer = EventWeb.viewer(token);
        Instant now = clock.instant();
        Event event = lifecycle.create(UUID.randomUUID().toString(), request.toDetails(), request.organisers(), viewer,
                now);
        return ResponseEntity.created(URI.create("/api/events/events/" + event.id()))
                .body(EventView.of(event, viewer, true, now));
    }

    /** Replaces what the organisers wrote; attendees hear of a new time or place through an event. */
    @PutMapping("/events/{id}")
    @PreAuthorize(MEMBERS)
    EventView edit(@AuthenticationPrincipal Jwt token, @PathVariable String id, @Valid @RequestBody EventRequest request) {
        Viewer viewer = EventWeb.viewer(token);
        Instant now = clock.instant();
        Event edited = store.update(id, stored -> {
            Event.Edited outcome = stored.event().edit(request.toDetails(), request.organisers(), viewer, now);
            Event after = outcome.event();
            List<nl.mboconnect.platform.events.outbox.OutboxEntry> entries = after.status() == EventStatus.PUBLISHED
                    ? List.of(store.entry(EventEvents.UPDATED, id, EventEvents.EventUpdated.of(outcome,
                            rosters.roster(stored).activeMembers())))
                    : List.of();
            return new Update<>(after, null, entries, after);
        });
        rosters.fill(id); // a raised capacity lets the waitlist move up at once
        return EventView.of(store.find(id).orElse(edited), viewer, true, now);
    }

    @PostMapping("/events/{id}/publish")
    @PreAuthorize(MEMBERS)
    EventView publish(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return change(token, (viewer, now) -> lifecycle.publish(id, viewer, now));
    }

    record Cancellation(@Size(max = 1000) String reason) {
    }

    /** Cancels the event: every registration lapses and registrants are told through an event. */
    @PostMapping("/events/{id}/cancel")
    @PreAuthorize(MEMBERS)
    EventView cancel(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Valid @RequestBody(required = false) Cancellation cancellation) {
        String reason = cancellation == null || cancellation.reason() == null || cancellation.reason().isBlank() ? null
                : cancellation.reason().strip();
        return change(token, (viewer, now) -> lifecycle.cancel(id, reason, viewer, now));
    }

    @PostMapping("/events/{id}/complete")
    @PreAuthorize(MEMBERS)
    EventView complete(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return change(token, (viewer, now) -> lifecycle.complete(id, viewer, now));
    }

    record Report(@Size(max = 500) String reportUrl) {
    }

    /** Links the report in the knowledge base after the event. */
    @PutMapping("/events/{id}/report")
    @PreAuthorize(MEMBERS)
    EventView report(@AuthenticationPrincipal Jwt token, @PathVariable String id, @Valid @RequestBody Report report) {
        return change(token, (viewer, now) -> lifecycle.linkReport(id, report.reportUrl(), viewer, now));
    }

    /** A lifecycle step, taken by the caller at the time of the request. */
    @FunctionalInterface
    interface Transition {
        Event apply(Viewer viewer, Instant now);
    }

    private EventView change(Jwt token, Transition transition) {
        Viewer viewer = EventWeb.viewer(token);
        Instant now = clock.instant();
        return EventView.of(transition.apply(viewer, now), viewer, true, now);
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

package nl.mboconnect.events.registration;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.events.event.EventProblem;
import nl.mboconnect.events.event.EventStore;
import nl.mboconnect.events.event.EventWeb;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.platform.service.Caller;

/** A member's own registrations: register, switch breakout, take an offered place, cancel, list. */
@RestController
@RequestMapping("/api/events")
@PreAuthorize("hasAnyRole('vriend', 'lid', 'redacteur', 'beheerder')")
class RegistrationResource {

    private final RosterStore rosters;
    private final EventStore events;
    private final Clock clock;

    RegistrationResource(RosterStore rosters, EventStore events, Clock clock) {
        this.rosters = rosters;
        this.events = events;
        this.clock = clock;
    }

    record RegistrationRequest(@Size(max = 40) String breakoutId,
            @Size(max = 20) Map<@NotBlank @Size(max = 40) String, @Size(max = 2000) String> answers) {
    }

    /**
     * Registers the caller: 201 with status CONFIRMED, or WAITLISTED with their position when full.
     * The time is read once the event's queue is reached, so registration times follow arrival order.
     */
    @PostMapping("/events/{id}/registration")
    ResponseEntity<RegistrationView> register(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Valid @RequestBody(required = false) RegistrationRequest request) {
        Viewer member = EventWeb.viewer(token);
        String name = Caller.of(token).displayName();
        RegistrationRequest body = request == null ? new RegistrationRequest(null, Map.of()) : request;
        RosterStore.Outcome outcome = rosters.change(id, (event, roster) -> roster.register(event, member, name,
                blankToNull(body.breakoutId()), body.answers(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/events/events/" + id + "/registration"))
                .body(mine(outcome, member));
    }

    @GetMapping("/events/{id}/registration")
    RegistrationView registration(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        Viewer member = EventWeb.viewer(token);
        EventStore.Stored stored = events.load(id).filter(found -> found.event().isVisibleTo(member))
                .orElseThrow(() -> EventProblem.notFound("event " + id));
        Roster roster = rosters.roster(stored);
        Registration registration = roster.of(member.memberId())
                .orElseThrow(() -> EventProblem.notFound("your registration for this event"));
        return RegistrationView.of(stored.event(), roster, registration);
    }

    record BreakoutChoice(@NotBlank @Size(max = 40) String breakoutId) {
    }

    @PatchMapping("/events/{id}/registration")
    RegistrationView switchBreakout(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Valid @RequestBody BreakoutChoice choice) {
        Viewer member = EventWeb.viewer(token);
        return mine(rosters.change(id,
                (event, roster) -> roster.switchBreakout(event, member, choice.breakoutId(), clock.instant())),
                member);
    }

    /** Takes the place offered from the waitlist. */
    @PostMapping("/events/{id}/registration/accept")
    RegistrationView acceptOffer(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        Viewer member = EventWeb.viewer(token);
        return mine(rosters.change(id, (event, roster) -> roster.acceptOffer(event, member, clock.instant())), member);
    }

    /** Cancels the caller's registration (or waitlist place, or offer); the next in line moves up. */
    @DeleteMapping("/events/{id}/registration")
    RegistrationView cancel(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        Viewer member = EventWeb.viewer(token);
        return mine(rosters.change(id, (event, roster) -> roster.cancel(event, member, clock.instant())), member);
    }

    /** "Mijn aanmeldingen": the caller's registrations for events that ended at most 90 days ago. */
    @GetMapping("/registrations")
    List<RegistrationView> mine(@AuthenticationPrincipal Jwt token) {
        Viewer member = EventWeb.viewer(token);
        Instant since = clock.instant().minus(90, ChronoUnit.DAYS);
        List<RegistrationView> views = new ArrayList<>();
        for (EventStore.Stored stored : rosters.registrationsOf(member.memberId(), since)) {
            if (!stored.event().isVisibleTo(member)) {
                continue; // uninvited since: the event is no longer theirs to see
            }
            Roster roster = rosters.roster(stored);
            roster.of(member.memberId()).ifPresent(registration ->
                    views.add(RegistrationView.of(stored.event(), roster, registration)));
        }
        return views;
    }

    private static RegistrationView mine(RosterStore.Outcome outcome, Viewer member) {
        Registration registration = outcome.roster().of(member.memberId())
                .orElseThrow(() -> EventProblem.notFound("your registration for this event"));
        return RegistrationView.of(outcome.event(), outcome.roster(), registration);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

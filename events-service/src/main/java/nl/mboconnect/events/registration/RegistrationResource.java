package nl.mboconnect.events.registration;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
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

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.Events;
import nl.mboconnect.events.event.Question;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.events.aggregate.Loaded;
import nl.mboconnect.platform.service.Caller;
import nl.mboconnect.platform.service.MembersOnly;

/** A member's own registrations: register, switch breakout, take an offered place, cancel, list. */
@RestController
@RequestMapping("/api/events")
@MembersOnly
class RegistrationResource {

    private final RosterStore rosters;
    private final Registrations registrations;
    private final Events events;
    private final Clock clock;

    RegistrationResource(RosterStore rosters, Registrations registrations, Events events, Clock clock) {
        this.rosters = rosters;
        this.registrations = registrations;
        this.events = events;
        this.clock = clock;
    }

    record RegistrationRequest(@Size(max = 40) String breakoutId,
            @Size(max = 20) Map<@NotBlank @Size(max = 40) String, @Size(max = Question.MAX_ANSWER_LENGTH) String> answers) {
    }

    /**
     * Registers the caller: 201 with status CONFIRMED, or WAITLISTED with their position when full.
     * The time is read once the event's queue is reached, so registration times follow arrival order.
     */
    @PostMapping("/events/{id}/registration")
    ResponseEntity<RegistrationView> register(Viewer member, @AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Valid @RequestBody(required = false) RegistrationRequest request) {
        String name = Caller.of(token).displayName();
        RegistrationRequest body = request == null ? new RegistrationRequest(null, Map.of()) : request;
        RosterStore.Outcome outcome = rosters.change(id, member.memberId(), clock.instant(), (event, roster) -> roster.register(event, member, name,
                blankToNull(body.breakoutId()), body.answers(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/events/events/" + id + "/registration"))
                .body(mine(outcome, member));
    }

    @GetMapping("/events/{id}/registration")
    RegistrationView registration(Viewer member, @PathVariable String id) {
        Loaded<Event> loaded = events.load(id).filter(found -> found.aggregate().isVisibleTo(member))
                .orElseThrow(() -> Refusal.notFound("event " + id));
        Roster roster = rosters.roster(loaded);
        Registration registration = roster.of(member.memberId())
                .orElseThrow(() -> Refusal.notFound("your registration for this event"));
        return RegistrationView.of(loaded.aggregate(), roster.positionOf(member.memberId()), registration);
    }

    record BreakoutChoice(@NotBlank @Size(max = 40) String breakoutId) {
    }

    @PatchMapping("/events/{id}/registration")
    RegistrationView switchBreakout(Viewer member, @PathVariable String id,
            @Valid @RequestBody BreakoutChoice choice) {
        return mine(rosters.change(id, member.memberId(), clock.instant(),
                (event, roster) -> roster.switchBreakout(event, member, choice.breakoutId(), clock.instant())),
                member);
    }

    /** Takes the place offered from the waitlist. */
    @PostMapping("/events/{id}/registration/accept")
    RegistrationView acceptOffer(Viewer member, @PathVariable String id) {
        return mine(rosters.change(id, member.memberId(), clock.instant(), (event, roster) -> roster.acceptOffer(event, member, clock.instant())), member);
    }

    /** Cancels the caller's registration (or waitlist place, or offer); the next in line moves up. */
    @DeleteMapping("/events/{id}/registration")
    RegistrationView cancel(Viewer member, @PathVariable String id) {
        return mine(rosters.change(id, member.memberId(), clock.instant(), (event, roster) -> roster.cancel(event, member, clock.instant())), member);
    }

    /** "Mijn aanmeldingen": the caller's registrations for events that ended at most 90 days ago. */
    @GetMapping("/registrations")
    List<RegistrationView> mine(Viewer member) {
        Instant since = clock.instant().minus(90, ChronoUnit.DAYS);
        // uninvited since: the event is no longer theirs to see
        return registrations.of(member.memberId(), since).stream().filter(mine -> mine.event().isVisibleTo(member))
                .map(mine -> RegistrationView.of(mine.event(), mine.position(), mine.registration())).toList();
    }

    private static RegistrationView mine(RosterStore.Outcome outcome, Viewer member) {
        Registration registration = outcome.roster().of(member.memberId())
                .orElseThrow(() -> Refusal.notFound("your registration for this event"));
        // a newcomer's place in line is known from the counts; counting the line is for the others
        int position = outcome.change().happened().stream()
                .filter(happened -> happened instanceof Roster.Waitlisted
                        && happened.registration().memberId().equals(member.memberId()))
                .mapToInt(happened -> ((Roster.Waitlisted) happened).position()).findFirst()
                .orElseGet(() -> outcome.roster().positionOf(member.memberId()));
        return RegistrationView.of(outcome.event(), position, registration);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

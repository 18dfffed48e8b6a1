package nl.mboconnect.membership.member;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.platform.service.Caller;
import nl.mboconnect.platform.service.MembersOnly;

/**
 * "Lid worden": a member's own standing in the association, their application (one open at a
 * time), and everything that happened to it.
 */
@RestController
@RequestMapping("/api/membership/members/me/membership")
class MembershipResource {

    private final MemberStore store;
    private final SignIns signIns;
    private final Clock clock;

    MembershipResource(MemberStore store, SignIns signIns, Clock clock) {
        this.store = store;
        this.signIns = signIns;
        this.clock = clock;
    }

    /** Where the member stands: vriend, applied, being processed ("wordt verwerkt"), lid; and the history. */
    @GetMapping
    @MembersOnly
    MembershipView mine(@AuthenticationPrincipal Jwt token, HttpServletResponse response) {
        return MembershipView.of(signIns.signIn(token, response).membership());
    }

    /** Applies to become lid, with a motivation and the organisation the member works for. */
    @PostMapping("/application")
    @MembersOnly
    @ResponseStatus(HttpStatus.CREATED)
    MembershipView apply(@AuthenticationPrincipal Jwt token, @RequestBody ApplicationRequest body,
            HttpServletResponse response) {
        Member member = signIns.signIn(token, response);
        Membership.Actor self = new Membership.Actor(member.id(), member.displayName());
        String applicationId = UUID.randomUUID().toString();
        return MembershipView.of(store.changeMembership(member.id(), membership -> membership.applied(self,
                applicationId, body.motivation(), body.organisation(), clock.instant()), clock.instant()).membership());
    }

    /** Takes the open application back. */
    @DeleteMapping("/application")
    @MembersOnly
    MembershipView withdraw(@AuthenticationPrincipal Jwt token, HttpServletResponse response) {
        Member member = signIns.signIn(token, response);
        Membership.Actor self = new Membership.Actor(member.id(), member.displayName());
        return MembershipView.of(store.changeMembership(member.id(),
                membership -> membership.withdrawn(self, clock.instant()), clock.instant()).membership());
    }

    record ApplicationRequest(String motivation, String organisation) {
    }

    /**
     * A membership as its member sees it: the open application, the reason of the last rejection,
     * and the history with who decided (by name).
     */
    record MembershipView(Membership.Status status, ApplicationView application, Rejection rejection,
            List<EntryView> history, boolean mayApply) {

        static MembershipView of(Membership membership) {
            Membership.Application open = membership.application();
            return new MembershipView(membership.status(),
                    open == null ? null : new ApplicationView(open.id(), open.motivation(), open.organisation(), open.appliedAt()),
                    membership.lastRejection().map(entry -> new Rejection(entry.reason(), entry.at())).orElse(null),
                    membership.history().stream().map(EntryView::of).toList(),
                    membership.status() == Membership.Status.VRIEND);
        }
    }

    record ApplicationView(String id, String motivation, String organisation, Instant appliedAt) {
    }

    record Rejection(String reason, Instant at) {
    }

    record EntryView(Membership.Kind kind, Instant at, String by, String reason) {

        static EntryView of(Membership.Entry entry) {
            return new EntryView(entry.kind(), entry.at(), entry.by() == null ? null : entry.by().name(), entry.reason());
        }
    }

    static Membership.Actor actor(Jwt token) {
        Caller caller = Caller.of(token);
        return new Membership.Actor(caller.id(), caller.displayName());
    }
}

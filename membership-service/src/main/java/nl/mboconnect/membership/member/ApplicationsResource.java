package nl.mboconnect.membership.member;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.platform.domain.Choices;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.Violation;
import nl.mboconnect.platform.service.AdministratorsOnly;

/**
 * What a beheerder does with membership of the association: the open applications, approving
 * (Keycloak then gives the {@code lid} role) or rejecting them with a reason, and ending a
 * membership. A decision Keycloak cannot carry out at once is answered all the same, with the
 * status that says it waits for Keycloak ({@code GRANTING}, {@code ENDING}).
 */
@RestController
@RequestMapping("/api/membership")
class ApplicationsResource {

    private final MemberStore store;
    private final RoleSync sync;
    private final Clock clock;

    ApplicationsResource(MemberStore store, RoleSync sync, Clock clock) {
        this.store = store;
        this.sync = sync;
        this.clock = clock;
    }

    /** Open applications, the longest waiting first, and decisions Keycloak has still to carry out. */
    @GetMapping("/applications")
    @AdministratorsOnly
    ApplicationsView applications() {
        return new ApplicationsView(
                store.withStatus(List.of(Membership.Status.APPLIED), 500).stream().map(OpenApplication::of).toList(),
                store.withStatus(List.of(Membership.Status.GRANTING, Membership.Status.ENDING), 500).stream()
                        .map(MemberMembership::of).toList());
    }

    @PostMapping("/applications/{id}/approval")
    @AdministratorsOnly
    MemberMembership approve(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @RequestBody(required = false) Decision body) {
        Member applicant = applicant(id, token);
        String note = body == null ? null : body.reason();
        Member approved = store.changeMembership(applicant.id(),
                membership -> membership.approved(id, MembershipResource.actor(token), note, clock.instant()),
                clock.instant());
        return MemberMembership.of(sync.sync(approved));
    }

    @PostMapping("/applications/{id}/rejection")
    @AdministratorsOnly
    MemberMembership reject(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @RequestBody(required = false) Decision body) {
        Member applicant = applicant(id, token);
        String reason = body == null ? null : body.reason();
        return MemberMembership.of(store.changeMembership(applicant.id(),
                membership -> membership.rejected(id, MembershipResource.actor(token), reason, clock.instant()),
                clock.instant()));
    }

    /** Members by name with where they stand, for a beheerder: all, or those of one status. */
    @GetMapping("/memberships")
    @AdministratorsOnly
    MembershipsView memberships(@RequestParam(required = false) String status,
            @RequestParam(required = false) @Size(max = 80) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<Violation> violations = new ArrayList<>();
        Membership.Status chosen = Choices.one(Membership.Status.class, "status", status, violations);
        Refusal.requireNone(violations);
        MemberStore.DirectoryPage found = store.memberships(chosen, q == null || q.isBlank() ? null : q, page, size);
        return new MembershipsView(found.members().stream().map(Standing::of).toList(), page, size, found.total());
    }

    /** A member's membership with its whole history, for a beheerder. */
    @GetMapping("/members/{id}/membership")
    @AdministratorsOnly
    MemberMembership membership(@PathVariable @Size(max = 64) String id) {
        return MemberMembership.of(store.find(id).orElseThrow(() -> Refusal.notFound("member " + id)));
    }

    /** Ends a membership, with a reason; Keycloak then takes the {@code lid} role away. */
    @PostMapping("/members/{id}/membership/end")
    @AdministratorsOnly
    MemberMembership end(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @RequestBody(required = false) Decision body) {
        String reason = body == null ? null : body.reason();
        Member ending = store.changeMembership(id,
                membership -> membership.ending(MembershipResource.actor(token), reason, clock.instant()),
                clock.instant());
        return MemberMembership.of(sync.sync(ending));
    }

    /** The member whose application it is; a beheerder does not decide on their own. */
    private Member applicant(String applicationId, Jwt token) {
        Member applicant = store.byApplication(applicationId)
                .orElseThrow(() -> Refusal.notFound("application " + applicationId));
        if (applicant.id().equals(token.getSubject())) {
            throw Refusal.conflict("own-application", "another beheerder decides on your own application");
        }
        return applicant;
    }

    record MembershipsView(List<Standing> items, int page, int size, long total) {
    }

    /** A member in the beheerder's list: name, e-mail address, where they stand, since when. */
    record Standing(String memberId, String displayName, String email, Membership.Status status, Instant since) {

        static Standing of(Member member) {
            return new Standing(member.id(), member.displayName(), member.profile().email(),
                    member.membership().status(), member.membership().settledAt());
        }
    }

    /** A beheerder's reason: required to reject or end, optional with an approval. */
    record Decision(String reason) {
    }

    record ApplicationsView(List<OpenApplication> open, List<MemberMembership> waitingForKeycloak) {
    }

    /** An open application with who sent it. */
    record OpenApplication(String id, String memberId, String displayName, String email, String motivation,
            String organisation, Instant appliedAt) {

        static OpenApplication of(Member member) {
            Membership.Application open = member.membership().application();
            return new OpenApplication(open.id(), member.id(), member.displayName(), member.profile().email(),
                    open.motivation(), open.organisation(), open.appliedAt());
        }
    }

    /** A member's membership as a beheerder sees it: with the history. */
    record MemberMembership(String memberId, String displayName, MembershipResource.MembershipView membership) {

        static MemberMembership of(Member member) {
            return new MemberMembership(member.id(), member.displayName(),
                    MembershipResource.MembershipView.of(member.membership()));
        }
    }
}

package nl.mboconnect.membership.group;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.membership.group.Group.Actor;
import nl.mboconnect.membership.group.Group.Kind;
import nl.mboconnect.membership.group.GroupMember.Role;
import nl.mboconnect.membership.group.GroupMember.Status;
import nl.mboconnect.membership.member.Members;
import nl.mboconnect.platform.domain.Choices;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.Violation;
import nl.mboconnect.platform.service.Caller;
import nl.mboconnect.platform.service.MembersOnly;

/**
 * Groups for signed-in members: find and make them, join, ask to join or accept an invitation,
 * leave; and for a group's moderators: its requests and invitations, decide, invite, take out; its
 * owner names moderators. A secret group is answered 404 to whoever is neither in it nor invited.
 */
@RestController
@RequestMapping("/api/membership")
class GroupResource {

    private final GroupStore store;
    private final Members members;
    private final Clock clock;

    GroupResource(GroupStore store, Members members, Clock clock) {
        this.store = store;
        this.members = members;
        this.clock = clock;
    }

    /** The groups the caller may see, by name; {@code q} matches the name, {@code kind} one kind. */
    @GetMapping("/groups")
    @MembersOnly
    GroupsPage list(@AuthenticationPrincipal Jwt token, HttpServletResponse response,
            @RequestParam(required = false) String q, @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Actor me = signIn(token, response);
        List<Violation> violations = new ArrayList<>();
        Kind only = kind == null || kind.isBlank() ? null : Choices.one(Kind.class, "kind", kind, violations);
        Refusal.requireNone(violations);
        GroupStore.Page<Group> found = store.visible(me.id(), q, only, page, size);
        Map<String, Long> counts = store.memberCounts(found.items().stream().map(Group::id).toList());
        Map<String, GroupMember> mine = store.relations(found.items(), me, clock.instant());
        List<GroupView> items = found.items().stream()
                .map(group -> GroupView.of(group, mine.get(group.id()), counts.get(group.id())))
                .toList();
        return new GroupsPage(items, page, size, found.total());
    }

    /** Makes a group, the caller its owner: any member an open or closed one, a redacteur or beheerder any kind. */
    @PostMapping("/groups")
    @MembersOnly
    @ResponseStatus(HttpStatus.CREATED)
    GroupView create(@AuthenticationPrincipal Jwt token, HttpServletResponse response,
            @RequestBody(required = false) GroupRequest body) {
        Actor me = signIn(token, response);
        GroupRequest asked = body == null ? new GroupRequest(null, null, null) : body;
        Instant now = clock.instant();
        Group group = store.create(Group.create(UUID.randomUUID().toString(), asked.name(), asked.description(),
                asked.kind(), me, Caller.of(token).roles(), now), now);
        return GroupView.of(group, store.relation(group, me, now), 1L);
    }

    /**
     * Its owner or a moderator gives the group another name or description; its kind stays (400
     * {@code kind-fixed} when asked to change it). 409 {@code name-taken} for a name in use.
     */
    @PutMapping("/groups/{id}")
    @MembersOnly
    GroupView edit(@PathVariable String id, @AuthenticationPrincipal Jwt token, HttpServletResponse response,
            @RequestBody(required = false) GroupRequest body) {
        Actor me = signIn(token, response);
        Moderator moderator = moderator(id, me);
        GroupRequest asked = body == null ? new GroupRequest(null, null, null) : body;
        if (asked.kind() != null && !asked.kind().equalsIgnoreCase(moderator.group().kind().name())) {
            throw Refusal.invalid("kind", "kind-fixed", "a group keeps the kind it was made with");
        }
        Instant now = clock.instant();
        Group group = store.edit(id, before -> before.edited(asked.name(), asked.description(), now));
        return GroupView.of(group, store.relation(group, me, now), store.memberCounts(List.of(id)).get(id));
    }

    @GetMapping("/groups/{id}")
    @MembersOnly
    GroupView one(@PathVariable String id, @AuthenticationPrincipal Jwt token, HttpServletResponse response) {
        Actor me = signIn(token, response);
        Seen seen = seen(id, me);
        return GroupView.of(seen.group(), seen.mine(), store.memberCounts(List.of(id)).get(id));
    }

    /** Who is in the group: for open and leden-only groups every member sees it, for closed and secret ones its members. */
    @GetMapping("/groups/{id}/members")
    @MembersOnly
    MembersPage members(@PathVariable String id, @AuthenticationPrincipal Jwt token, HttpServletResponse response,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        Seen seen = seen(id, signIn(token, response));
        Kind kind = seen.group().kind();
        if ((kind == Kind.CLOSED || kind == Kind.SECRET) && !seen.mine().isMember()) {
            throw Refusal.forbidden("only members of this group see who is in it");
        }
        return MembersPage.of(store.of(id, List.of(Status.MEMBER), page, size), page, size, MemberView::of);
    }

    /** Joins (open, leden-only), asks to join with a message (closed), or accepts an invitation. */
    @PostMapping("/groups/{id}/membership")
    @MembersOnly
    RelationView join(@PathVariable String id, @AuthenticationPrincipal Jwt token, HttpServletResponse response,
            @RequestBody(required = false) JoinRequest body) {
        Members.Person person = members.signIn(token, response);
        Actor me = new Actor(person.id(), person.name());
        Seen seen = seen(id, me);
        Instant now = clock.instant();
        String message = body == null ? null : body.message();
        return RelationView.of(store.change(seen.group(), me, now,
                current -> current.joined(seen.group(), person.lid(), message, now)));
    }

    /** Leaves the group, withdraws the request or declines the invitation. */
    @DeleteMapping("/groups/{id}/membership")
    @MembersOnly
    RelationView leave(@PathVariable String id, @AuthenticationPrincipal Jwt token, HttpServletResponse response) {
        Actor me = signIn(token, response);
        Seen seen = seen(id, me);
        Instant now = clock.instant();
        return RelationView.of(store.change(seen.group(), me, now, current -> current.left(now)));
    }

    /** For the group's moderators: the open requests to join and the invitations not yet answered. */
    @GetMapping("/groups/{id}/requests")
    @MembersOnly
    MembersPage requests(@PathVariable String id, @AuthenticationPrincipal Jwt token, HttpServletResponse response,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        moderator(id, signIn(token, response));
        return MembersPage.of(store.of(id, List.of(Status.REQUESTED, Status.INVITED), page, size), page, size,
                MemberView::of);
    }

    @PostMapping("/groups/{id}/requests/{memberId}/approval")
    @MembersOnly
    MemberView approve(@PathVariable String id, @PathVariable String memberId, @AuthenticationPrincipal Jwt token,
            HttpServletResponse response) {
        Actor me = moderator(id, signIn(token, response)).by();
        Instant now = clock.instant();
        return MemberView.of(store.changeExisting(id, memberId, member -> member.approvedBy(me, now)));
    }

    @PostMapping("/groups/{id}/requests/{memberId}/rejection")
    @MembersOnly
    MemberView reject(@PathVariable String id, @PathVariable String memberId, @AuthenticationPrincipal Jwt token,
            HttpServletResponse response, @RequestBody(required = false) ReasonRequest body) {
        Actor me = moderator(id, signIn(token, response)).by();
        Instant now = clock.instant();
        String reason = body == null ? null : body.reason();
        return MemberView.of(store.changeExisting(id, memberId, member -> member.rejectedBy(me, reason, now)));
    }

    /** Invites a member (the only way into a secret group); inviting someone who asked lets them in. */
    @PostMapping("/groups/{id}/invitations")
    @MembersOnly
    @ResponseStatus(HttpStatus.CREATED)
    MemberView invite(@PathVariable String id, @AuthenticationPrincipal Jwt token, HttpServletResponse response,
            @RequestBody(required = false) InvitationRequest body) {
        Moderator moderator = moderator(id, signIn(token, response));
        if (body == null || body.memberId() == null || body.memberId().isBlank()) {
            throw Refusal.invalid("memberId", "required", "this is needed");
        }
        Members.Person invitee = members.find(body.memberId())
                .orElseThrow(() -> Refusal.notFound("member " + body.memberId()));
        Instant now = clock.instant();
        return MemberView.of(store.change(moderator.group(), new Actor(invitee.id(), invitee.name()), now,
                member -> member.invitedBy(moderator.by(), now)));
    }

    /** Takes a member out of the group. */
    @DeleteMapping("/groups/{id}/members/{memberId}")
    @MembersOnly
    MemberView remove(@PathVariable String id, @PathVariable String memberId, @AuthenticationPrincipal Jwt token,
            HttpServletResponse response) {
        Moderator moderator = moderator(id, signIn(token, response));
        Instant now = clock.instant();
        return MemberView.of(store.changeExisting(id, memberId,
                member -> member.removedBy(moderator.by(), moderator.role(), now)));
    }

    /** The owner makes a member moderator ({@code MODERATOR}) or member again ({@code MEMBER}). */
    @PutMapping("/groups/{id}/members/{memberId}/role")
    @MembersOnly
    MemberView role(@PathVariable String id, @PathVariable String memberId, @AuthenticationPrincipal Jwt token,
            HttpServletResponse response, @RequestBody(required = false) RoleRequest body) {
        Moderator moderator = moderator(id, signIn(token, response));
        List<Violation> violations = new ArrayList<>();
        Role role = body == null || body.role() == null || body.role().isBlank() ? null
                : Choices.one(Role.class, "role", body.role(), violations);
        if (role == null && violations.isEmpty()) {
            violations.add(new Violation("role", "required", "this is needed"));
        }
        Refusal.requireNone(violations);
        if (moderator.role() != Role.OWNER) {
            throw Refusal.forbidden("only the owner of the group names its moderators");
        }
        return MemberView.of(store.changeExisting(id, memberId, member -> member.withRole(role)));
    }

    /** The caller's groups: those they are in, asked to join, are invited to or were rejected by. */
    @GetMapping("/members/me/groups")
    @MembersOnly
    List<GroupView> mine(@AuthenticationPrincipal Jwt token, HttpServletResponse response) {
        Actor me = signIn(token, response);
        List<GroupMember> relations = store.ofMember(me.id());
        List<String> ids = relations.stream().map(GroupMember::groupId).toList();
        Map<String, Long> counts = store.memberCounts(ids);
        Map<String, GroupMember> byGroup = relations.stream()
                .collect(java.util.stream.Collectors.toMap(GroupMember::groupId, Function.identity()));
        return store.all(ids).stream().map(group -> GroupView.of(group, byGroup.get(group.id()), counts.get(group.id())))
                .toList();
    }

    private Actor signIn(Jwt token, HttpServletResponse response) {
        Members.Person person = members.signIn(token, response);
        return new Actor(person.id(), person.name());
    }

    /** The group as {@code me} may see it; 404 for a secret group they are neither in nor invited to. */
    private Seen seen(String id, Actor me) {
        Group group = store.find(id).orElseThrow(() -> Refusal.notFound("group " + id));
        GroupMember mine = store.relation(group, me, clock.instant());
        if (!group.kind().listed() && !mine.status().seesGroup()) {
            throw Refusal.notFound("group " + id);
        }
        return new Seen(group, mine);
    }

    private Moderator moderator(String id, Actor me) {
        Seen seen = seen(id, me);
        if (!seen.mine().moderates()) {
            throw Refusal.forbidden("only the owner and moderators of this group do this");
        }
        return new Moderator(seen.group(), me, seen.mine().role());
    }

    private record Seen(Group group, GroupMember mine) {
    }

    private record Moderator(Group group, Actor by, Role role) {
    }

    record GroupRequest(String name, String description, String kind) {
    }

    record JoinRequest(String message) {
    }

    record ReasonRequest(String reason) {
    }

    record InvitationRequest(String memberId) {
    }

    record RoleRequest(String role) {
    }

    record GroupsPage(List<GroupView> items, int page, int size, long total) {
    }

    /** A group as the caller sees it, with where they stand and what they may do. */
    record GroupView(String id, String name, String description, Kind kind, String owner, long memberCount,
            Instant createdAt, RelationView me, boolean mayJoin, boolean mayRequest, boolean mayLeave,
            boolean mayModerate, boolean mayNameModerators) {

        static GroupView of(Group group, GroupMember mine, Long count) {
            Status status = mine.status();
            boolean free = status != Status.MEMBER && status != Status.REQUESTED;
            boolean joinable = status == Status.INVITED || group.kind() == Kind.OPEN || group.kind() == Kind.LEDEN;
            return new GroupView(group.id(), group.name(), group.description(), group.kind(), group.owner().name(),
                    count == null ? 0 : count, group.createdAt(), RelationView.of(mine), free && joinable,
                    free && !joinable && group.kind() == Kind.CLOSED,
                    (status == Status.MEMBER && mine.role() != Role.OWNER) || status == Status.REQUESTED
                            || status == Status.INVITED,
                    mine.moderates(), mine.isMember() && mine.role() == Role.OWNER);
        }
    }

    /** Where the caller stands: status, role, the message they sent, the reason of a rejection, who invited them. */
    record RelationView(Status status, Role role, String message, String reason, Instant since, String invitedBy) {

        static RelationView of(GroupMember member) {
            return new RelationView(member.status(), member.isMember() ? member.role() : null, member.message(),
                    member.status() == Status.REJECTED && member.decision() != null ? member.decision().reason() : null,
                    member.since(), member.invitedBy() == null ? null : member.invitedBy().name());
        }
    }

    /** A member of the group, a request or an invitation, as the group's page lists them. */
    record MemberView(String memberId, String name, Status status, Role role, String message, Instant since,
            String invitedBy) {

        static MemberView of(GroupMember member) {
            return new MemberView(member.memberId(), member.name(), member.status(),
                    member.isMember() ? member.role() : null, member.message(), member.since(),
                    member.invitedBy() == null ? null : member.invitedBy().name());
        }
    }

    record MembersPage(List<MemberView> items, int page, int size, long total) {

        static MembersPage of(GroupStore.Page<GroupMember> found, int page, int size,
                Function<GroupMember, MemberView> view) {
            return new MembersPage(found.items().stream().map(view).toList(), page, size, found.total());
        }
    }
}

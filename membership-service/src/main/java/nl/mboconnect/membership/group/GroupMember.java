package nl.mboconnect.membership.group;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.TextFields;
import nl.mboconnect.platform.domain.Violation;

/**
 * Where one member stands with one group: in it (with a role), asking to join, invited, rejected,
 * or gone. One record per member and group, whatever happens, so a member asks once at a time.
 *
 * @param message  what the member wrote with their request to join a closed group
 * @param decision the last decision of a moderator about them (rejection reason, removal), or how they left
 * @param since    when the status began
 */
public record GroupMember(String groupId, String memberId, String name, Status status, Role role, String message,
        Decision decision, Group.Actor invitedBy, Instant since, long version) {

    public static final int MESSAGE_MAX = 500;
    public static final int REASON_MAX = 500;

    public enum Status {
        /** Never had anything to do with the group: not stored. */
        NONE,
        MEMBER,
        /** Asked to join a closed group; a moderator decides. */
        REQUESTED,
        /** A moderator invited them; they accept by joining. */
        INVITED,
        /** A moderator rejected their request (with a reason); they may ask again. */
        REJECTED,
        /** Left, withdrew, declined, was removed or lost lid ({@link Decision#how()}). */
        GONE;

        /** Whether the group is theirs to see even when it is secret. */
        public boolean seesGroup() {
            return this == MEMBER || this == INVITED;
        }
    }

    public enum Role { OWNER, MODERATOR, MEMBER }

    /** How a member stopped being in a group, or did not get in. */
    public enum How { LEFT, WITHDRAWN, DECLINED, REJECTED, REMOVED, NOT_LID }

    public record Decision(How how, Group.Actor by, String reason, Instant at) {
    }

    /** Someone who has nothing to do with the group yet. */
    public static GroupMember none(String groupId, Group.Actor who) {
        return new GroupMember(groupId, who.id(), who.name(), Status.NONE, Role.MEMBER, null, null, null, null, 0);
    }

    /** The maker of a group, its owner from the start. */
    public static GroupMember owner(Group group, Instant now) {
        return new GroupMember(group.id(), group.owner().id(), group.owner().name(), Status.MEMBER, Role.OWNER, null,
                null, null, now, 0);
    }

    /** The id of the record: one per group and member. */
    public String id() {
        return id(groupId, memberId);
    }

    public static String id(String groupId, String memberId) {
        return groupId + ":" + memberId;
    }

    /** Whether they approve requests, invite and remove members. */
    public boolean moderates() {
        return status == Status.MEMBER && (role == Role.OWNER || role == Role.MODERATOR);
    }

    public boolean isMember() {
        return status == Status.MEMBER;
    }

    /**
     * Joins the group, asks to, or accepts an invitation, as its kind says: open groups take anyone
     * signed in, leden-only groups a lid, closed ones a request (with an optional message), secret
     * ones only whom they invited.
     */
    public GroupMember joined(Group group, boolean lid, String withMessage, Instant now) {
        switch (status) {
            case MEMBER -> throw Refusal.conflict("already-member", "you are in this group already");
            case REQUESTED -> throw Refusal.conflict("request-open", "your request to join waits for a moderator");
            default -> { }
        }
        if (group.kind() == Group.Kind.LEDEN && !lid) {
            throw Refusal.conflict("lid-only", "only members of the association (lid) join this group");
        }
        if (status == Status.INVITED || group.kind() == Group.Kind.OPEN || group.kind() == Group.Kind.LEDEN) {
            return with(Status.MEMBER, Role.MEMBER, null, null, now);
        }
        if (group.kind() == Group.Kind.SECRET) {
            throw Refusal.notFound("group " + group.id());
        }
        List<Violation> violations = new ArrayList<>();
        String message = TextFields.optional(violations, "message", withMessage, MESSAGE_MAX);
        Refusal.requireNone(violations);
        return with(Status.REQUESTED, Role.MEMBER, message, null, now);
    }

    /** Leaves, withdraws the request, or declines the invitation. The owner stays. */
    public GroupMember left(Instant now) {
        How how = switch (status) {
            case MEMBER -> How.LEFT;
            case REQUESTED -> How.WITHDRAWN;
            case INVITED -> How.DECLINED;
            default -> throw Refusal.conflict("not-a-member", "you are not in this group");
        };
        if (role == Role.OWNER && status == Status.MEMBER) {
            throw Refusal.conflict("owner-stays", "the owner of a group cannot leave it");
        }
        return with(Status.GONE, Role.MEMBER, null, new Decision(how, new Group.Actor(memberId, name), null, now), now);
    }

    /** A moderator lets the member in. */
    public GroupMember approvedBy(Group.Actor moderator, Instant now) {
        requireRequest();
        return with(Status.MEMBER, Role.MEMBER, null, null, now);
    }

    /** A moderator says no, with a reason the member reads; they may ask again. */
    public GroupMember rejectedBy(Group.Actor moderator, String reason, Instant now) {
        List<Violation> violations = new ArrayList<>();
        String why = TextFields.required(violations, "reason", reason, REASON_MAX);
        Refusal.requireNone(violations);
        requireRequest();
        return with(Status.REJECTED, Role.MEMBER, message, new Decision(How.REJECTED, moderator, why, now), now);
    }

    /** A moderator invites them; inviting someone who asked lets them in. */
    public GroupMember invitedBy(Group.Actor moderator, Instant now) {
        return switch (status) {
            case MEMBER -> throw Refusal.conflict("already-member", "they are in this group already");
            case INVITED -> this;
            case REQUESTED -> approvedBy(moderator, now);
            default -> new GroupMember(groupId, memberId, name, Status.INVITED, Role.MEMBER, null, null, moderator, now,
                    version);
        };
    }

    /** A moderator takes them out of the group; only the owner takes out a moderator, nobody the owner. */
    public GroupMember removedBy(Group.Actor moderator, Role moderatorRole, Instant now) {
        if (status != Status.MEMBER) {
            throw Refusal.conflict("not-a-member", "they are not in this group");
        }
        if (role == Role.OWNER) {
            throw Refusal.conflict("owner-stays", "the owner of a group cannot be taken out of it");
        }
        if (role == Role.MODERATOR && moderatorRole != Role.OWNER) {
            throw Refusal.forbidden("only the owner takes a moderator out of the group");
        }
        return with(Status.GONE, Role.MEMBER, null, new Decision(How.REMOVED, moderator, null, now), now);
    }

    /** The owner makes a member moderator, or a moderator member again. */
    public GroupMember withRole(Role newRole) {
        if (status != Status.MEMBER) {
            throw Refusal.conflict("not-a-member", "they are not in this group");
        }
        if (role == Role.OWNER || newRole == Role.OWNER) {
            throw Refusal.conflict("owner-stays", "a group has one owner, who made it");
        }
        return newRole == role ? this
                : new GroupMember(groupId, memberId, name, status, newRole, message, decision, invitedBy, since, version);
    }

    /** The member is lid no more: out of a leden-only group. */
    public GroupMember lidEnded(Group group, Instant now) {
        if (group.kind() != Group.Kind.LEDEN || status != Status.MEMBER || role == Role.OWNER) {
            return this;
        }
        return with(Status.GONE, Role.MEMBER, null, new Decision(How.NOT_LID, null, null, now), now);
    }

    private void requireRequest() {
        if (status != Status.REQUESTED) {
            throw Refusal.conflict("no-request", "there is no open request to join from this member");
        }
    }

    private GroupMember with(Status newStatus, Role newRole, String newMessage, Decision newDecision, Instant now) {
        return new GroupMember(groupId, memberId, name, newStatus, newRole, newMessage, newDecision,
                newStatus == Status.INVITED ? invitedBy : null, now, version);
    }
}

package nl.mboconnect.membership.group;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.mboconnect.platform.events.EventType;
import nl.mboconnect.platform.events.aggregate.OutgoingEvent;

/**
 * What membership-service tells the others about groups ({@value #TOPIC}), so knowledge, events and
 * polls keep who is in which group in read models of their own. A member's events about one group
 * share a key ({@code groupId:memberId}) and so come in order. No names, messages or reasons: the
 * member id, the group and the role.
 */
public final class GroupEvents {

    public static final String TOPIC = "membership.group.v1";

    public static final EventType<GroupCreated> CREATED = EventType.of(TOPIC,
            "nl.mboconnect.membership.group.created.v1", GroupCreated.class);
    public static final EventType<GroupUpdated> UPDATED = EventType.of(TOPIC,
            "nl.mboconnect.membership.group.updated.v1", GroupUpdated.class);
    public static final EventType<MemberJoined> JOINED = EventType.of(TOPIC,
            "nl.mboconnect.membership.group-member.joined.v1", MemberJoined.class);
    public static final EventType<MemberJoined> ROLE_CHANGED = EventType.of(TOPIC,
            "nl.mboconnect.membership.group-member.role-changed.v1", MemberJoined.class);
    public static final EventType<MemberLeft> LEFT = EventType.of(TOPIC,
            "nl.mboconnect.membership.group-member.left.v1", MemberLeft.class);

    private GroupEvents() {
    }

    /** A group was made; secret groups too (this topic is internal). */
    public record GroupCreated(String groupId, String name, Group.Kind kind, String ownerId, Instant createdAt) {

        static GroupCreated of(Group group) {
            return new GroupCreated(group.id(), group.name(), group.kind(), group.owner().id(), group.createdAt());
        }
    }

    /** A group's moderators gave it another name or description (its kind never changes). */
    public record GroupUpdated(String groupId, String name, Group.Kind kind, Instant updatedAt) {

        static GroupUpdated of(Group group) {
            return new GroupUpdated(group.id(), group.name(), group.kind(), group.updatedAt());
        }
    }

    /** The member is in the group, in this role (joined, approved, invitation accepted, or given another role); {@code at}: since when they are in it. */
    public record MemberJoined(String groupId, String memberId, GroupMember.Role role, Instant at) {
    }

    /** The member is in the group no more: left, removed, or lost lid for a leden-only group. */
    public record MemberLeft(String groupId, String memberId, GroupMember.How how, Instant at) {
    }

    /** The events for the change from {@code before} to {@code after}: only a change of who is in, in what role. */
    static List<OutgoingEvent<?>> since(GroupMember before, GroupMember after) {
        List<OutgoingEvent<?>> events = new ArrayList<>();
        if (!before.isMember() && after.isMember()) {
            events.add(OutgoingEvent.of(JOINED, new MemberJoined(after.groupId(), after.memberId(), after.role(), after.since())));
        } else if (before.isMember() && after.isMember() && before.role() != after.role()) {
            events.add(OutgoingEvent.of(ROLE_CHANGED,
                    new MemberJoined(after.groupId(), after.memberId(), after.role(), after.since())));
        } else if (before.isMember() && !after.isMember()) {
            events.add(OutgoingEvent.of(LEFT, new MemberLeft(after.groupId(), after.memberId(),
                    after.decision() == null ? GroupMember.How.LEFT : after.decision().how(), after.since())));
        }
        return events;
    }
}

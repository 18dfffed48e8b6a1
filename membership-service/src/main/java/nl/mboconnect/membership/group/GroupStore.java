package nl.mboconnect.membership.group;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import nl.mboconnect.membership.group.Group.Actor;
import nl.mboconnect.membership.group.Group.Kind;
import nl.mboconnect.membership.group.GroupMember.Decision;
import nl.mboconnect.membership.group.GroupMember.Role;
import nl.mboconnect.membership.group.GroupMember.Status;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.events.aggregate.AggregateStore;
import nl.mboconnect.platform.events.aggregate.Change;
import nl.mboconnect.platform.events.aggregate.OutgoingEvent;
import nl.mboconnect.platform.events.aggregate.StoredAggregate;
import nl.mboconnect.platform.service.PersonalData;

/**
 * Groups in {@code groups} (name unique regardless of case and spaces), and where each member
 * stands with each group in {@code group_members}: one document per group and member, id
 * {@code groupId:memberId}, so a member's parallel requests to join meet at one record. Both are
 * aggregates of the platform's {@link AggregateStore}: a change and its events in one write.
 */
@Component
class GroupStore {

    private static final Bson WITHOUT_OUTBOX = Projections.exclude("outbox");
    private static final List<String> SEEING = List.of(Status.MEMBER.name(), Status.INVITED.name());

    private final AggregateStore<GroupDocument> groups;
    private final AggregateStore<GroupMemberDocument> members;

    GroupStore(nl.mboconnect.platform.events.aggregate.Aggregates aggregates) {
        this.groups = aggregates.store("groups", GroupDocument.class, "group");
        this.members = aggregates.store("group_members", GroupMemberDocument.class, "group member");
        groups.collection().createIndex(Indexes.ascending("nameKey"), new IndexOptions().unique(true));
        groups.collection().createIndex(Indexes.ascending("kind"));
        members.collection().createIndex(Indexes.ascending("groupId", "status", "role", "name"));
        members.collection().createIndex(Indexes.ascending("memberId", "status"));
    }

    /** Stores a new group and its owner as its first member; 409 {@code name-taken} when the name is in use. */
    Group create(Group group, Instant now) {
        if (!groups.insert(GroupDocument.of(group), OutgoingEvent.of(GroupEvents.CREATED, GroupEvents.GroupCreated.of(group)))) {
            throw Refusal.conflict("name-taken", "a group with this name exists already");
        }
        ownerOf(group, now);
        return group;
    }

    /**
     * Gives a group another name or description, as {@code edit} decides; 409 {@code name-taken}
     * when another group has the name (the unique index says so, whatever the concurrency).
     */
    Group edit(String id, java.util.function.Function<Group, java.util.Optional<Group>> edit) {
        try {
            return groups.update(id, loaded -> {
                Group before = loaded.aggregate().toGroup();
                return edit.apply(before).map(after -> Change.to(GroupDocument.of(after), after,
                        OutgoingEvent.of(GroupEvents.UPDATED, GroupEvents.GroupUpdated.of(after))))
                        .orElseGet(() -> Change.none(before));
            });
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw Refusal.conflict("name-taken", "a group with this name exists already");
            }
            throw e;
        }
    }

    boolean any() {
        return !groups.isEmpty();
    }

    Optional<Group> find(String id) {
        return groups.find(id).map(GroupDocument::toGroup);
    }

    /**
     * Where the member stands with the group. The owner's record is written right after the group;
     * should the service have stopped in between, it is written here.
     */
    GroupMember relation(Group group, Actor who, Instant now) {
        return members.find(GroupMember.id(group.id(), who.id())).map(GroupMemberDocument::toMember)
                .orElseGet(() -> withoutRecord(group, who, now));
    }

    /** Where the member stands with a group that has no record of them: its owner (written now), or nobody. */
    private GroupMember withoutRecord(Group group, Actor who, Instant now) {
        return group.owner().id().equals(who.id()) ? ownerOf(group, now) : GroupMember.none(group.id(), who);
    }

    /** Where the member stands with each of the groups, in one read (a page of the list), by group id. */
    Map<String, GroupMember> relations(List<Group> groups, Actor who, Instant now) {
        Map<String, GroupMember> found = new HashMap<>();
        members.collection().find(in("_id", groups.stream().map(group -> GroupMember.id(group.id(), who.id())).toList()))
                .projection(WITHOUT_OUTBOX).forEach(document -> found.put(document.groupId(), document.toMember()));
        Map<String, GroupMember> relations = new java.util.LinkedHashMap<>();
        for (Group group : groups) {
            GroupMember stored = found.get(group.id());
            // not read again: a group without a record of them was just asked about
            relations.put(group.id(), stored != null ? stored : withoutRecord(group, who, now));
        }
        return relations;
    }

    private GroupMember ownerOf(Group group, Instant now) {
        GroupMember owner = GroupMember.owner(group, now);
        members.insert(GroupMemberDocument.of(owner), events(GroupMember.none(group.id(), group.owner()), owner));
        return members.find(owner.id()).map(GroupMemberDocument::toMember).orElse(owner);
    }

    /**
     * Changes where {@code who} stands with the group as {@code rule} says, creating the record the
     * first time. Parallel first requests meet at the record's id: one inserts, the others decide
     * again on what it wrote.
     */
    GroupMember change(Group group, Actor who, Instant now, UnaryOperator<GroupMember> rule) {
        while (true) {
            GroupMember current = relation(group, who, now);
            if (current.status() != Status.NONE) {
                return update(current.id(), rule);
            }
            GroupMember after = rule.apply(current);
            if (after.status() == Status.NONE) {
                return after;
            }
            if (members.insert(GroupMemberDocument.of(after), events(current, after))) {
                return after;
            }
        }
    }

    /** Changes the record of a member who has one with the group; 404 when there is none. */
    GroupMember changeExisting(String groupId, String memberId, UnaryOperator<GroupMember> rule) {
        return update(GroupMember.id(groupId, memberId), rule);
    }

    private GroupMember update(String id, UnaryOperator<GroupMember> rule) {
        return members.update(id, loaded -> {
            GroupMember before = loaded.aggregate().toMember();
            GroupMember after = rule.apply(before);
            return after.equals(before) ? Change.none(before)
                    : Change.to(GroupMemberDocument.of(after), after, GroupEvents.since(before, after));
        });
    }

    private static OutgoingEvent<?>[] events(GroupMember before, GroupMember after) {
        return GroupEvents.since(before, after).toArray(OutgoingEvent<?>[]::new);
    }

    /**
     * A page of the groups {@code viewerId} may see: every group but the secret ones, and those
     * they are in or invited to; by name, optionally matching {@code text} and of one kind.
     */
    Page<Group> visible(String viewerId, String text, Kind kind, int page, int size) {
        List<String> theirs = new ArrayList<>();
        members.collection().find(and(eq("memberId", viewerId), in("status", SEEING))).projection(WITHOUT_OUTBOX)
                .forEach(relation -> theirs.add(relation.groupId()));
        List<Bson> filters = new ArrayList<>();
        filters.add(or(ne("kind", Kind.SECRET.name()), in("_id", theirs)));
        if (kind != null) {
            filters.add(eq("kind", kind.name()));
        }
        if (text != null && !text.isBlank()) {
            filters.add(regex("nameKey", Pattern.quote(Group.key(text))));
        }
        Bson filter = and(filters);
        long total = groups.collection().countDocuments(filter);
        List<Group> found = groups.findAll(filter, Sorts.ascending("nameKey"), size + page * size, "outbox").stream()
                .skip((long) page * size).map(GroupDocument::toGroup).toList();
        return new Page<>(found, total);
    }

    /** How many members each of the groups has. */
    Map<String, Long> memberCounts(List<String> groupIds) {
        Map<String, Long> counts = new HashMap<>();
        groupIds.forEach(id -> counts.put(id, 0L));
        members.collection().aggregate(List.of(
                Aggregates.match(and(in("groupId", groupIds), eq("status", Status.MEMBER.name()))),
                Aggregates.group("$groupId", Accumulators.sum("count", 1))), Document.class)
                .forEach(count -> counts.put(count.getString("_id"), ((Number) count.get("count")).longValue()));
        return counts;
    }

    /** A page of the group's records with one of the statuses: owner and moderators first, then by name. */
    Page<GroupMember> of(String groupId, List<Status> statuses, int page, int size) {
        Bson filter = and(eq("groupId", groupId), in("status", statuses.stream().map(Enum::name).toList()));
        long total = members.collection().countDocuments(filter);
        List<GroupMember> found = new ArrayList<>();
        members.collection().find(filter).projection(WITHOUT_OUTBOX)
                .sort(Sorts.orderBy(Sorts.descending("role"), Sorts.ascending("name", "_id"))).skip(page * size).limit(size)
                .forEach(document -> found.add(document.toMember()));
        return new Page<>(found, total);
    }

    /** The member's records with groups: in, asked, invited, rejected. */
    List<GroupMember> ofMember(String memberId) {
        List<GroupMember> found = new ArrayList<>();
        members.collection().find(and(eq("memberId", memberId), ne("status", Status.GONE.name()))).projection(WITHOUT_OUTBOX)
                .forEach(document -> found.add(document.toMember()));
        return found;
    }

    /** Every record of one member, gone ones included (for their export). */
    List<GroupMember> everyRecordOf(String memberId) {
        List<GroupMember> found = new ArrayList<>();
        members.collection().find(eq("memberId", memberId)).projection(WITHOUT_OUTBOX).sort(Sorts.ascending("_id"))
                .forEach(document -> found.add(document.toMember()));
        return found;
    }

    /** The groups a member made (for their export). */
    List<Group> madeBy(String memberId) {
        return groups.findAll(eq("owner.id", memberId), Sorts.ascending("createdAt"), Integer.MAX_VALUE, "outbox").stream()
                .map(GroupDocument::toGroup).toList();
    }

    /** A member's new name, wherever a group record shows it. */
    void rename(String memberId, String name) {
        members.updateMatching(eq("memberId", memberId), com.mongodb.client.model.Updates.set("name", name));
        groups.replaceActor(memberId, memberId, name, "owner.id");
        members.replaceActor(memberId, memberId, name, "decision.by.id", "invitedBy.id");
    }

    /** A member's erasure: their records go; where they owned a group or decided on someone, "Voormalig lid" did. */
    void erase(String memberId) {
        members.collection().deleteMany(eq("memberId", memberId));
        groups.replaceActor(memberId, PersonalData.FORMER_MEMBER_ID, PersonalData.FORMER_MEMBER_NAME, "owner.id");
        members.replaceActor(memberId, PersonalData.FORMER_MEMBER_ID, PersonalData.FORMER_MEMBER_NAME,
                "decision.by.id", "invitedBy.id");
    }

    /** Groups by id (for a member's list of their groups). */
    List<Group> all(List<String> ids) {
        return groups.findAll(in("_id", ids), Sorts.ascending("nameKey"), ids.size(), "outbox").stream()
                .map(GroupDocument::toGroup).toList();
    }

    /** The members of leden-only groups (for the check that each is lid still). */
    List<GroupMember> inLedenGroups() {
        List<String> leden = groups.findAll(eq("kind", Kind.LEDEN.name()), Sorts.ascending("_id"), 1000, "outbox")
                .stream().map(GroupDocument::id).toList();
        List<GroupMember> found = new ArrayList<>();
        members.collection().find(and(in("groupId", leden), eq("status", Status.MEMBER.name()), ne("role", Role.OWNER.name())))
                .projection(WITHOUT_OUTBOX)
                .forEach(document -> found.add(document.toMember()));
        return found;
    }

    record Page<T>(List<T> items, long total) {
    }

    /** The stored form of a group; public for the driver's record codec. */
    public record GroupDocument(@BsonId String id, String name, String nameKey, String description, Kind kind,
            Actor owner, Instant createdAt, Instant updatedAt, long version) implements StoredAggregate {

        static GroupDocument of(Group group) {
            return new GroupDocument(group.id(), group.name(), group.nameKey(), group.description(), group.kind(),
                    group.owner(), group.createdAt(), group.updatedAt(), group.version());
        }

        Group toGroup() {
            return new Group(id, name, description, kind, owner, createdAt, updatedAt, version);
        }
    }

    /** The stored form of where a member stands with a group; public for the driver's record codec. */
    public record GroupMemberDocument(@BsonId String id, String groupId, String memberId, String name, Status status,
            Role role, String message, Decision decision, Actor invitedBy, Instant since, long version)
            implements StoredAggregate {

        static GroupMemberDocument of(GroupMember member) {
            return new GroupMemberDocument(member.id(), member.groupId(), member.memberId(), member.name(),
                    member.status(), member.role(), member.message(), member.decision(), member.invitedBy(),
                    member.since(), member.version());
        }

        GroupMember toMember() {
            return new GroupMember(groupId, memberId, name, status, role, message, decision, invitedBy, since, version);
        }
    }
}

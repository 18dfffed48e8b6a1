package nl.mboconnect.membership.group;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.mboconnect.platform.domain.Choices;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.Roles;
import nl.mboconnect.platform.domain.TextFields;
import nl.mboconnect.platform.domain.Violation;

/**
 * A group of members: "Docenten techniek Noord", "Leden van de vereniging". Its kind says who may
 * join and who may see it; who belongs to it, in which role, is a {@link GroupMember} each.
 *
 * @param owner the member who made it (owner), by id and name
 */
public record Group(String id, String name, String description, Kind kind, Actor owner, Instant createdAt,
        Instant updatedAt, long version) {

    public static final int NAME_MAX = 80;
    public static final int DESCRIPTION_MAX = 1000;

    public enum Kind {
        /** Anyone signed in joins. */
        OPEN,
        /** A member asks, with a message; a moderator approves or rejects. */
        CLOSED,
        /** Invisible to whoever is not in it or invited; by invitation only. */
        SECRET,
        /** Only a lid joins; losing lid takes the member out. */
        LEDEN;

        /** Whether someone who is neither in the group nor invited to it may know it exists. */
        public boolean listed() {
            return this != SECRET;
        }
    }

    /** A member by id, with the name shown beside what they did. */
    public record Actor(String id, String name) {
    }

    /**
     * A new group, or the fields at fault. {@code roles}: the creator's realm roles; a redacteur or
     * beheerder makes any kind, any other member open and closed groups.
     */
    public static Group create(String id, String name, String description, String kind, Actor owner,
            Set<String> roles, Instant now) {
        List<Violation> violations = new ArrayList<>();
        String named = TextFields.required(violations, "name", name, NAME_MAX);
        String about = TextFields.optional(violations, "description", description, DESCRIPTION_MAX);
        Kind chosen = null;
        if (kind == null || kind.isBlank()) {
            violations.add(new Violation("kind", "required", "this is needed"));
        } else {
            chosen = Choices.one(Kind.class, "kind", kind, violations);
        }
        Refusal.requireNone(violations);
        if ((chosen == Kind.SECRET || chosen == Kind.LEDEN) && !roles.contains(Roles.REDACTEUR)
                && !roles.contains(Roles.BEHEERDER)) {
            throw Refusal.forbidden("only a redacteur or beheerder makes a " + chosen.name().toLowerCase(Locale.ROOT)
                    + " group");
        }
        return new Group(id, named, about, chosen, owner, now, now, 0);
    }

    /**
     * The group with a new name and description, checked as at its making, or empty when nothing
     * changed. Its kind stays: who may see and join it was chosen once, and its members joined on it.
     */
    public java.util.Optional<Group> edited(String newName, String newDescription, Instant now) {
        List<Violation> violations = new ArrayList<>();
        String named = TextFields.required(violations, "name", newName, NAME_MAX);
        String about = TextFields.optional(violations, "description", newDescription, DESCRIPTION_MAX);
        Refusal.requireNone(violations);
        if (named.equals(name) && java.util.Objects.equals(about, description)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Group(id, named, about, kind, owner, createdAt, now, version));
    }

    /** The name as uniqueness sees it: "Docenten  Techniek" and "docenten techniek" are one name. */
    public String nameKey() {
        return key(name);
    }

    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

package nl.mboconnect.events.event;

import java.util.Set;
import java.util.function.Supplier;

import nl.mboconnect.platform.domain.Roles;

/**
 * Who is looking at or acting on an event: a member id (null for an anonymous visitor), their
 * realm roles and the groups they are in (kept from membership-service's group events).
 *
 * <p>The groups are looked up when first asked, at most once: only an event shown to the members
 * of some groups asks, and most requests (a registration, the agenda without such an event) then
 * cost no read of them.
 */
public final class Viewer {

    private final String memberId;
    private final Set<String> roles;
    private Supplier<Set<String>> lookup;
    private Set<String> groups;

    private Viewer(String memberId, Set<String> roles, Supplier<Set<String>> lookup) {
        this.memberId = memberId;
        this.roles = Set.copyOf(roles);
        this.lookup = lookup;
    }

    public Viewer(String memberId, Set<String> roles, Set<String> groups) {
        this(memberId, roles, () -> groups);
    }

    /** A member whose groups {@code lookup} reads, if and when they are needed. */
    public static Viewer withGroupsFrom(String memberId, Set<String> roles, Supplier<Set<String>> lookup) {
        return new Viewer(memberId, roles, lookup);
    }

    public static Viewer anonymous() {
        return new Viewer(null, Set.of(), Set.of());
    }

    public static Viewer member(String memberId, Set<String> roles) {
        return new Viewer(memberId, roles, Set.of());
    }

    public String memberId() {
        return memberId;
    }

    public Set<String> roles() {
        return roles;
    }

    /** The groups the viewer is in, read on the first call. */
    public synchronized Set<String> groups() {
        if (groups == null) {
            groups = Set.copyOf(lookup.get());
            lookup = null;
        }
        return groups;
    }

    public boolean isMember() {
        return memberId != null && roles.stream().anyMatch(Roles.MEMBERS::contains);
    }

    /** Editors and administrators create events and manage all of them. */
    public boolean isEditor() {
        return memberId != null && roles.stream().anyMatch(Roles.EDITORS::contains);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "Viewer[" + memberId + ", " + roles + "]";
    }
}

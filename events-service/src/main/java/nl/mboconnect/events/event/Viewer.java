package nl.mboconnect.events.event;

import java.util.Set;

import nl.mboconnect.platform.domain.Roles;

/**
 * Who is looking at or acting on an event: a member id (null for an anonymous visitor), their
 * realm roles and the groups they are in (kept from membership-service's group events).
 */
public record Viewer(String memberId, Set<String> roles, Set<String> groups) {

    public Viewer {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
    }

    public static Viewer anonymous() {
        return new Viewer(null, Set.of(), Set.of());
    }

    public static Viewer member(String memberId, Set<String> roles) {
        return new Viewer(memberId, roles, Set.of());
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
}

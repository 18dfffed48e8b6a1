package nl.mboconnect.events.event;

import java.util.List;

import nl.mboconnect.platform.domain.Roles;

/**
 * Who may see an event. {@code INVITED} events are seen by their invitees and by members of the
 * listed groups only ({@link Viewer#groups()}, kept from membership-service's group events).
 */
public record Visibility(Level level, List<String> invitees, List<String> groups) {

    public enum Level {
        PUBLIC, MEMBERS, LID, INVITED
    }

    public Visibility {
        invitees = invitees == null ? List.of() : List.copyOf(invitees);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public static Visibility publicly() {
        return new Visibility(Level.PUBLIC, List.of(), List.of());
    }

    boolean admits(Viewer viewer) {
        return switch (level) {
            case PUBLIC -> true;
            case MEMBERS -> viewer.isMember();
            case LID -> viewer.isMember() && (viewer.hasRole(Roles.LID) || viewer.isEditor());
            case INVITED -> viewer.isMember() && (invitees.contains(viewer.memberId())
                    || groups.stream().anyMatch(viewer.groups()::contains));
        };
    }
}

package nl.mboconnect.events.event;

import java.util.List;

/**
 * Who an event is for: in words ("docenten en praktijkopleiders in de techniek") and which member
 * roles may register. No roles means every signed-in member may.
 */
public record Audience(String text, List<String> roles) {

    public Audience {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    boolean admits(Viewer viewer) {
        return roles.isEmpty() || roles.stream().anyMatch(viewer::hasRole);
    }
}

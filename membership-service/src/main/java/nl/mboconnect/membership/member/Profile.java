package nl.mboconnect.membership.member;

import java.util.Objects;

/**
 * What a member told Keycloak about themselves, as it arrives in their token at sign-in.
 * Keycloak is where members edit it; this service follows.
 */
public record Profile(String username, String displayName, String givenName, String familyName, String email) {

    public Profile {
        Objects.requireNonNull(username, "username");
        if (displayName == null || displayName.isBlank()) {
            displayName = username;
        }
    }
}

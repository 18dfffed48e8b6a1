package nl.mboconnect.membership.member;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member of MBO Connect: created at the first sign-in from the token's claims, and brought up
 * to date at a later sign-in when the member changed their name or e-mail address in Keycloak.
 *
 * @param version counts the changes, so a store can refuse a write based on a stale read
 */
public record Member(String id, Profile profile, Instant registeredAt, Instant updatedAt, long version) {

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Member register(String id, Profile profile, Instant now) {
        return new Member(id, profile, now, now, 1);
    }

    /** The member with the profile from a new sign-in, or empty when nothing changed. */
    public Optional<Member> signedInWith(Profile current, Instant now) {
        if (current.equals(profile)) {
            return Optional.empty();
        }
        return Optional.of(new Member(id, current, registeredAt, now, version + 1));
    }

    /** Whether others, who show this member by name, need to hear of the change. */
    public boolean isRenamedFrom(Member before) {
        return !profile.displayName().equals(before.profile().displayName());
    }
}

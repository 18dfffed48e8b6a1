package nl.mboconnect.membership.member;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member of MBO Connect: created at the first sign-in from the token's claims, and brought up
 * to date at a later sign-in when the member changed their name or e-mail address in Keycloak.
 * What they tell the others about themselves ({@link Details}) and who sees each part of it
 * ({@link Visibility}) are theirs to edit here.
 *
 * @param photo the revision of their profile photo, none when they have none
 * @param version counts the changes, so a store can refuse a write based on a stale read
 */
public record Member(String id, Profile profile, Details details, Visibility visibility, Long photo,
        Instant registeredAt, Instant updatedAt, long version) {

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        details = details == null ? Details.NONE : details;
        visibility = visibility == null ? Visibility.DEFAULT : visibility;
    }

    /** Who looks at a member: another member (or the member), and whether they are a {@code lid}. */
    public record Viewer(String memberId, boolean lid) {
    }

    public static Member register(String id, Profile profile, Instant now) {
        return new Member(id, profile, Details.NONE, Visibility.DEFAULT, null, now, now, 1);
    }

    /** The member with the profile from a new sign-in, or empty when nothing changed. */
    public Optional<Member> signedInWith(Profile current, Instant now) {
        if (current.equals(profile)) {
            return Optional.empty();
        }
        return Optional.of(new Member(id, current, details, visibility, photo, registeredAt, now, version + 1));
    }

    /** The member with the details and visibility they saved, or empty when nothing changed. */
    public Optional<Member> edited(Details newDetails, Visibility newVisibility, Instant now) {
        if (newDetails.equals(details) && newVisibility.equals(visibility)) {
            return Optional.empty();
        }
        return Optional.of(new Member(id, profile, newDetails, newVisibility, photo, registeredAt, now, version + 1));
    }

    /** The member with a new photo, one revision on from the last. */
    public Member withNewPhoto(Instant now) {
        return new Member(id, profile, details, visibility, version + 1, registeredAt, now, version + 1);
    }

    public Member withoutPhoto(Instant now) {
        return new Member(id, profile, details, visibility, null, registeredAt, now, version + 1);
    }

    /** The name shown for them: the one they chose here, else the one in their account. */
    public String displayName() {
        return details.displayName() != null ? details.displayName() : profile.displayName();
    }

    /** Whether others, who show this member by name, need to hear of the change. */
    public boolean isRenamedFrom(Member before) {
        return !displayName().equals(before.displayName());
    }

    /** Whether {@code viewer} sees one of this member's fields: the member always, others as the member chose. */
    public boolean shows(Visibility.Field field, Viewer viewer) {
        return id.equals(viewer.memberId()) || Visibility.seenBy(visibility.of(field), viewer.lid());
    }

    public boolean hasPhoto() {
        return photo != null;
    }
}

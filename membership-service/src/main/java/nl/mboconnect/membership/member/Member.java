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
 * @param membership where they stand in the association: vriend, applying, lid
 * @param version counts the changes, so a store can refuse a write based on a stale read
 */
public record Member(String id, Profile profile, Details details, Visibility visibility, Long photo,
        Membership membership, Instant registeredAt, Instant updatedAt, long version) {

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        details = details == null ? Details.NONE : details;
        visibility = visibility == null ? Visibility.DEFAULT : visibility;
        membership = membership == null ? Membership.initial(false, registeredAt) : membership;
    }

    /** Who looks at a member: another member (or the member), and whether they are a {@code lid}. */
    public record Viewer(String memberId, boolean lid) {
    }

    /** A member at their first sign-in; {@code lid} when their token says so. */
    public static Member register(String id, Profile profile, boolean lid, Instant now) {
        return new Member(id, profile, Details.NONE, Visibility.DEFAULT, null, Membership.initial(lid, now), now, now,
                1);
    }

    /** The member with the profile from a new sign-in, or empty when nothing changed. */
    public Optional<Member> signedInWith(Profile current, Instant now) {
        if (current.equals(profile)) {
            return Optional.empty();
        }
        return Optional.of(new Member(id, current, details, visibility, photo, membership, registeredAt, now, version + 1));
    }

    /** The member with the details and visibility they saved, or empty when nothing changed. */
    public Optional<Member> edited(Details newDetails, Visibility newVisibility, Instant now) {
        if (newDetails.equals(details) && newVisibility.equals(visibility)) {
            return Optional.empty();
        }
        return Optional.of(new Member(id, profile, newDetails, newVisibility, photo, membership, registeredAt, now, version + 1));
    }

    /** The member with a new photo, one revision on from the last. */
    public Member withNewPhoto(Instant now) {
        return new Member(id, profile, details, visibility, version + 1, membership, registeredAt, now, version + 1);
    }

    public Member withoutPhoto(Instant now) {
        return new Member(id, profile, details, visibility, null, membership, registeredAt, now, version + 1);
    }

    /** The member with their membership changed. */
    public Member withMembership(Membership next, Instant now) {
        return new Member(id, profile, details, visibility, photo, next, registeredAt, now, version + 1);
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

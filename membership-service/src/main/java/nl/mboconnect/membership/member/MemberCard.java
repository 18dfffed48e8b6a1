package nl.mboconnect.membership.member;

import java.util.List;

/**
 * A member as another member sees them: their name, and of the rest only what they show that
 * member (absent fields are hidden or empty; the two look the same).
 */
record MemberCard(String id, String displayName, String email, MemberFunction function, Organisation organisation,
        Province region, List<Sector> sectors, List<Theme> themes, String bio, String photoUrl) {

    static MemberCard of(Member member, Member.Viewer viewer) {
        Details details = member.details();
        return new MemberCard(member.id(), member.displayName(),
                member.shows(Visibility.Field.EMAIL, viewer) ? member.profile().email() : null,
                member.shows(Visibility.Field.FUNCTION, viewer) ? details.function() : null,
                member.shows(Visibility.Field.ORGANISATION, viewer) ? details.organisation() : null,
                member.shows(Visibility.Field.REGION, viewer) ? details.region() : null,
                member.shows(Visibility.Field.SECTORS, viewer) ? details.sectors() : List.of(),
                member.shows(Visibility.Field.THEMES, viewer) ? details.themes() : List.of(),
                member.shows(Visibility.Field.BIO, viewer) ? details.bio() : null,
                member.shows(Visibility.Field.PHOTO, viewer) ? photoUrl(member) : null);
    }

    /** Where the member's photo is read, with its revision, so a new one is fetched anew; none without one. */
    static String photoUrl(Member member) {
        return member.hasPhoto() ? "/api/membership/members/" + member.id() + "/photo?v=" + member.photo() : null;
    }
}

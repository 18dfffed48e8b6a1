package nl.mboconnect.membership.member;

/**
 * Who sees each of a member's profile fields besides the member. Their name is always shown to the
 * signed in: the directory is a list of names. A field not given keeps its default: the e-mail
 * address only to the member, the rest to every signed-in member.
 */
public record Visibility(Shown email, Shown function, Shown organisation, Shown region, Shown sectors,
        Shown themes, Shown bio, Shown photo) {

    /** Who besides the member sees a field. */
    public enum Shown {
        /** Everyone signed in: friends (vriend) and members (lid) of the association. */
        MEMBERS,
        /** Only members of the association (lid). */
        LEDEN,
        /** Nobody but the member. */
        ONLY_ME
    }

    /** The fields whose visibility a member chooses. */
    public enum Field {
        EMAIL, FUNCTION, ORGANISATION, REGION, SECTORS, THEMES, BIO, PHOTO
    }

    public static final Visibility DEFAULT = new Visibility(null, null, null, null, null, null, null, null);

    public Visibility {
        email = email == null ? Shown.ONLY_ME : email;
        function = orMembers(function);
        organisation = orMembers(organisation);
        region = orMembers(region);
        sectors = orMembers(sectors);
        themes = orMembers(themes);
        bio = orMembers(bio);
        photo = orMembers(photo);
    }

    public Shown of(Field field) {
        return switch (field) {
            case EMAIL -> email;
            case FUNCTION -> function;
            case ORGANISATION -> organisation;
            case REGION -> region;
            case SECTORS -> sectors;
            case THEMES -> themes;
            case BIO -> bio;
            case PHOTO -> photo;
        };
    }

    /** Whether someone other than the member sees a field shown so: a {@code lid} sees more than a friend. */
    public static boolean seenBy(Shown shown, boolean viewerIsLid) {
        return switch (shown) {
            case MEMBERS -> true;
            case LEDEN -> viewerIsLid;
            case ONLY_ME -> false;
        };
    }

    private static Shown orMembers(Shown shown) {
        return shown == null ? Shown.MEMBERS : shown;
    }
}

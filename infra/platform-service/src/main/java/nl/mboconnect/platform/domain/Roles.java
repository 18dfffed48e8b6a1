package nl.mboconnect.platform.domain;

import java.util.Set;

/**
 * The realm roles this platform gives meaning to, in one place. Keycloak adds its own
 * ({@code offline_access}, …), which mean nothing here. Resources say who may call them with the
 * annotations in {@code nl.mboconnect.platform.service} ({@code @MembersOnly}, {@code @EditorsOnly}, …),
 * which name these same sets.
 */
public final class Roles {

    /** A registered friend of the association: every member has it. */
    public static final String VRIEND = "vriend";
    /** A member of the association, with voting rights. */
    public static final String LID = "lid";
    public static final String REDACTEUR = "redacteur";
    public static final String BEHEERDER = "beheerder";
    /** A regional partner's system, reading what partners may read. */
    public static final String PARTNER = "partner";

    /** People who signed in to the site; partners' systems are not among them. */
    public static final Set<String> MEMBERS = Set.of(VRIEND, LID, REDACTEUR, BEHEERDER);
    /** Those who write and manage content and events. */
    public static final Set<String> EDITORS = Set.of(REDACTEUR, BEHEERDER);
    public static final Set<String> ADMINISTRATORS = Set.of(BEHEERDER);
    /** Partners' systems, and administrators who look at what partners see. */
    public static final Set<String> PARTNERS_AND_ADMINISTRATORS = Set.of(PARTNER, BEHEERDER);
    public static final Set<String> ALL = Set.of(VRIEND, LID, REDACTEUR, BEHEERDER, PARTNER);

    private Roles() {
    }
}

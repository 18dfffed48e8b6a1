package nl.mboconnect.membership.member;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.Violation;

/**
 * What a member tells the others about themselves, beyond their account in Keycloak; every part
 * may be left out. Sectors and themes are kept in their natural order, each once.
 *
 * @param displayName how they want to be named here; none: the name in their Keycloak account
 */
public record Details(String displayName, MemberFunction function, Organisation organisation, Province region,
        List<Sector> sectors, List<Theme> themes, String bio) {

    public static final int NAME_MAX = 80;
    public static final int BIO_MAX = 1000;
    public static final Details NONE = new Details(null, null, null, null, List.of(), List.of(), null);

    public Details {
        displayName = stripped(displayName);
        bio = stripped(bio);
        sectors = ordered(sectors, Sector.class);
        themes = ordered(themes, Theme.class);
    }

    /** The details as given, or the fields at fault: too long, or a blank name. */
    public static Details checked(String displayName, MemberFunction function, Organisation organisation,
            Province region, Collection<Sector> sectors, Collection<Theme> themes, String bio) {
        List<Violation> violations = new ArrayList<>();
        if (displayName != null && displayName.strip().isEmpty()) {
            violations.add(new Violation("displayName", "blank", "leave the name out to use the one of your account"));
        }
        tooLong(violations, "displayName", displayName, NAME_MAX);
        tooLong(violations, "organisation.name", organisation == null ? null : organisation.name(),
                Organisation.NAME_MAX);
        tooLong(violations, "bio", bio, BIO_MAX);
        Refusal.requireNone(violations);
        return new Details(displayName, function, organisation, region, List.copyOf(sectors == null ? List.of() : sectors),
                List.copyOf(themes == null ? List.of() : themes), bio);
    }

    private static void tooLong(List<Violation> violations, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            violations.add(new Violation(field, "too-long", "at most " + max + " characters"));
        }
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static <E extends Enum<E>> List<E> ordered(List<E> values, Class<E> type) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        EnumSet<E> set = EnumSet.noneOf(type);
        values.stream().filter(java.util.Objects::nonNull).forEach(set::add);
        return List.copyOf(set);
    }
}

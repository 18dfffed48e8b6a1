package nl.mboconnect.platform.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;


/**
 * Reads the named choices of a form ({@code "NOORD_HOLLAND"}), naming the field of one that is not
 * among them, so a wrong value is a field error like any other rather than an unreadable body.
 */
public final class Choices {

    private Choices() {
    }

    public static <E extends Enum<E>> E one(Class<E> type, String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "unknown-value", "one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    public static <E extends Enum<E>> List<E> some(Class<E> type, String field, List<String> values, List<Violation> violations) {
        List<E> chosen = new ArrayList<>();
        if (values == null) {
            return chosen;
        }
        for (int i = 0; i < values.size(); i++) {
            E one = one(type, field + "[" + i + "]", values.get(i), violations);
            if (one != null) {
                chosen.add(one);
            }
        }
        return chosen;
    }
}

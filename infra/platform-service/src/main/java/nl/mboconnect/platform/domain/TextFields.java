package nl.mboconnect.platform.domain;

import java.util.List;

/**
 * The checks every free-text field of a request gets: needed or not, at most so many characters
 * (after stripping the spaces around it). Each adds its {@link Violation} to the list and gives the
 * stripped text back, so a rule collects all faults of a request before it refuses.
 */
public final class TextFields {

    private TextFields() {
    }

    /** The text stripped; {@code required} when blank, {@code too-long} past {@code max}. */
    public static String required(List<Violation> violations, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "required", "this is needed"));
            return null;
        }
        return optional(violations, field, value, max);
    }

    /** The text stripped, or null when blank; {@code too-long} past {@code max}. */
    public static String optional(List<Violation> violations, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            violations.add(new Violation(field, "too-long", "at most " + max + " characters"));
        }
        return value.strip();
    }
}

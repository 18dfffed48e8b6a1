package nl.mboconnect.platform.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A rule said no. Domain code throws it; the platform answers it as {@code application/problem+json}
 * with {@code https://mboconnect.nl/problems/<code>} as its stable type, so clients and the site
 * branch on the code, never on the text. Plain Java: no framework type, so the domain stays free
 * of them.
 *
 * <ul>
 * <li>{@link Kind#INVALID}: the input is wrong; {@link #violations()} names the fields (400)</li>
 * <li>{@link Kind#FORBIDDEN}: the caller may not do this (403)</li>
 * <li>{@link Kind#NOT_FOUND}: it does not exist, or the caller may not know that it does (404)</li>
 * <li>{@link Kind#CONFLICT}: not possible in the state things are in: full, too late, twice (409)</li>
 * <li>{@link Kind#UNAVAILABLE}: not now, try again after {@link #retryAfter()} (503)</li>
 * <li>{@link Kind#TOO_LARGE}: the request is bigger than this operation takes (413)</li>
 * </ul>
 */
public class Refusal extends RuntimeException {

    public enum Kind {
        INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, UNAVAILABLE, TOO_LARGE
    }

    /** The code of every {@link Kind#INVALID} refusal; the fields at fault carry their own codes. */
    public static final String VALIDATION = "validation";

    private final Kind kind;
    private final String code;
    private final List<Violation> violations;
    private final Duration retryAfter;

    protected Refusal(Kind kind, String code, String message, List<Violation> violations, Duration retryAfter) {
        super(message, null, false, false); // an answer, not a failure: no stack trace to fill
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    public static Refusal invalid(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid-input refusal names at least one field");
        }
        return new Refusal(Kind.INVALID, VALIDATION, "One or more fields are invalid.", violations, null);
    }

    public static Refusal invalid(String field, String code, String message) {
        return invalid(List.of(new Violation(field, code, message)));
    }

    /** Throws when there are violations; does nothing otherwise. */
    public static void requireNone(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, "forbidden", message, List.of(), null);
    }

    /** Also for what the caller may not see: its existence is not revealed. */
    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, "not-found", what + " does not exist", List.of(), null);
    }

    /** @param code stable, short, e.g. {@code breakout-full} */
    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message, List.of(), null);
    }

    /** @param retryAfter when trying again makes sense; answered as {@code Retry-After} */
    /** A body past what the operation takes, e.g. a photo of more than a few megabytes (413). */
    public static Refusal tooLarge(String code, String message) {
        return new Refusal(Kind.TOO_LARGE, code, message, List.of(), null);
    }

    public static Refusal unavailable(String code, String message, Duration retryAfter) {
        return new Refusal(Kind.UNAVAILABLE, code, message, List.of(), Objects.requireNonNull(retryAfter));
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** For {@link Kind#UNAVAILABLE}; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

package nl.mboconnect.events.event;

import java.util.List;

/**
 * A rule of the domain said no. The web layer turns it into problem+json: {@link Kind#INVALID} with
 * the fields at fault is 400, {@link Kind#CONFLICT} (full, already registered, too late) 409,
 * {@link Kind#NOT_FOUND} 404, {@link Kind#FORBIDDEN} 403.
 */
public final class EventProblem extends RuntimeException {

    public enum Kind {
        INVALID, CONFLICT, NOT_FOUND, FORBIDDEN
    }

    private final Kind kind;
    private final String code;
    private final List<Violation> violations;

    private EventProblem(Kind kind, String code, String message, List<Violation> violations) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public static EventProblem invalid(List<Violation> violations) {
        return new EventProblem(Kind.INVALID, "validation", "One or more fields are invalid.", violations);
    }

    public static EventProblem invalid(String field, String code, String message) {
        return invalid(List.of(new Violation(field, code, message)));
    }

    public static EventProblem conflict(String code, String message) {
        return new EventProblem(Kind.CONFLICT, code, message, List.of());
    }

    /** Also for events the caller may not see: their existence is not revealed. */
    public static EventProblem notFound(String what) {
        return new EventProblem(Kind.NOT_FOUND, "not-found", what + " does not exist", List.of());
    }

    public static EventProblem forbidden(String message) {
        return new EventProblem(Kind.FORBIDDEN, "forbidden", message, List.of());
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
}

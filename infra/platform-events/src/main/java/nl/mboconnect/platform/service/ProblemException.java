package nl.mboconnect.platform.service;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A domain rule said no. Thrown by a service, it becomes an {@code application/problem+json}
 * response with a stable {@code type}, so clients (and the site) branch on the type, not the text.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties;

    /**
     * @param type short, stable name of the problem, e.g. {@code event-full}; becomes
     *             {@code https://mboconnect.nl/problems/event-full}
     */
    public ProblemException(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public ProblemException(HttpStatus status, String type, String title, String detail,
            Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(Problems.type(type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + id + " does not exist");
    }

    /** Base of every problem type this platform returns. */
    public static final class Problems {

        public static final String BASE = "https://mboconnect.nl/problems/";

        private Problems() {
        }

        public static URI type(String name) {
            return URI.create(BASE + name);
        }
    }
}

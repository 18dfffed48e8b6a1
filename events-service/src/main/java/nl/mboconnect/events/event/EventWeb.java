package nl.mboconnect.events.event;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import nl.mboconnect.platform.service.Caller;
import nl.mboconnect.platform.service.ProblemException.Problems;

/** What every events-service resource shares on the web side: who is calling, and how rules say no. */
public final class EventWeb {

    private EventWeb() {
    }

    /** The caller as the domain sees them; an anonymous visitor when there is no token. */
    public static Viewer viewer(Jwt token) {
        if (token == null) {
            return Viewer.anonymous();
        }
        Caller caller = Caller.of(token);
        return Viewer.member(caller.id(), caller.platformRoles());
    }

    /** {@link EventProblem} as problem+json, its code as the stable type, the fields at fault listed. */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class RuleProblems {

        @ExceptionHandler(EventProblem.class)
        ResponseEntity<ProblemDetail> rule(EventProblem problem) {
            HttpStatus status = switch (problem.kind()) {
                case INVALID -> HttpStatus.BAD_REQUEST;
                case CONFLICT -> HttpStatus.CONFLICT;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
            };
            ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, problem.getMessage());
            detail.setType(Problems.type(problem.code()));
            detail.setTitle(switch (problem.kind()) {
                case INVALID -> "Invalid input";
                case CONFLICT -> "Not possible now";
                case NOT_FOUND -> "Not found";
                case FORBIDDEN -> "Forbidden";
            });
            if (!problem.violations().isEmpty()) {
                detail.setProperty("errors", problem.violations().stream().map(violation -> Map.of(
                        "field", violation.field(), "code", violation.code(), "message", violation.message())).toList());
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
        }
    }
}

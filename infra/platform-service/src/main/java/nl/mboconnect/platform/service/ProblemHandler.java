package nl.mboconnect.platform.service;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.Violation;

/**
 * Every error a service returns is {@code application/problem+json} (RFC 9457) with a stable
 * {@code type}: a domain {@link Refusal}, the framework's own (400, 404, 405, 415 …), validation
 * failures with the fields at fault, in the same shape as a refusal's, the database away (503), and
 * anything unexpected as a 500 without a stack trace (the log has it, under the same trace id).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    /** Base of every problem type this platform returns. */
    static final String TYPE_BASE = "https://mboconnect.nl/problems/";
    private static final Duration DATABASE_RETRY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refused(Refusal refusal) {
        return answer(problemOf(refusal), refusal.retryAfter());
    }

    /**
     * A constraint checked by a {@code @Validated} bean rather than by Spring MVC itself: the same
     * 400 by field (the last part of the property path), never a 500.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolated(ConstraintViolationException e) {
        return answer(problemOf(Refusal.invalid(e.getConstraintViolations().stream().map(violation -> {
            String path = String.valueOf(violation.getPropertyPath());
            String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            return new Violation(path.substring(path.lastIndexOf('.') + 1), codeOf(code), violation.getMessage());
        }).toList())), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken) {
            return answer(problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "Sign in to do this."), null);
        }
        return answer(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You may not do this."), null);
    }

    /** The database did not answer in time; nothing was written, so trying again later is safe. */
    @ExceptionHandler({ MongoTimeoutException.class, MongoSocketException.class })
    ResponseEntity<Object> databaseAway(RuntimeException e) {
        log.warn("database unavailable: {}", e.toString());
        return answer(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
                "This part of the platform cannot reach its data right now. Please try again shortly."),
                DATABASE_RETRY);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected error", e);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. Nothing was changed that was not already saved."), null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(problemOf(Refusal.invalid(e.getBindingResult().getAllErrors().stream()
                .map(error -> new Violation(error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        codeOf(error.getCode()), String.valueOf(error.getDefaultMessage())))
                .toList())), null);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new Violation(
                        String.valueOf(result.getMethodParameter().getParameterName()), codeOf(lastCode(error)),
                        String.valueOf(error.getDefaultMessage()))))
                .toList();
        return answer(problemOf(Refusal.invalid(violations.isEmpty()
                ? List.of(new Violation("request", "invalid", "One or more parameters are invalid."))
                : violations)), null);
    }

    /** {@code ?from=tomorrow} where a date belongs: the parameter is named, like any invalid field. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(e.getPropertyName());
        return answer(problemOf(Refusal.invalid(field, "invalid", "this value cannot be read as "
                + (e.getRequiredType() == null ? "the expected type" : e.getRequiredType().getSimpleName()))), null);
    }

    /** Gives the framework's own problems a stable type instead of {@code about:blank}. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(type(slug(status)));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    static ProblemDetail problemOf(Refusal refusal) {
        ProblemDetail problem = problem(statusOf(refusal.kind()), refusal.code(), titleOf(refusal.kind()),
                refusal.getMessage());
        if (!refusal.violations().isEmpty()) {
            problem.setProperty("errors", refusal.violations().stream().map(violation -> Map.of(
                    "field", violation.field(), "code", violation.code(), "message", violation.message())).toList());
        }
        return problem;
    }

    static HttpStatus statusOf(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
        };
    }

    private static String titleOf(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> "Invalid input";
            case FORBIDDEN -> "Forbidden";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Not possible now";
            case UNAVAILABLE -> "Temporarily unavailable";
            case TOO_LARGE -> "Too large";
        };
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(type));
        problem.setTitle(title);
        return problem;
    }

    static URI type(String code) {
        return URI.create(TYPE_BASE + code);
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem, @Nullable Duration retryAfter) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return response.body(problem);
    }

    /**
     * A stable code for a Bean Validation constraint, the same vocabulary the services' own rules
     * use, so a site can say in its own language what is wrong with a field.
     */
    static String codeOf(@Nullable String constraint) {
        return switch (constraint == null ? "" : constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Size", "Length" -> "size";
            case "Min", "Positive", "PositiveOrZero", "DecimalMin" -> "min";
            case "Max", "DecimalMax" -> "max";
            case "Pattern" -> "pattern";
            case "Email" -> "email";
            case "Future", "FutureOrPresent" -> "future";
            case "Past", "PastOrPresent" -> "past";
            default -> "invalid";
        };
    }

    /** A parameter's error codes run from the most specific ({@code Size.name}) to the plain constraint ({@code Size}). */
    private static @Nullable String lastCode(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        return codes == null || codes.length == 0 ? null : codes[codes.length - 1];
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }
}

package nl.mboconnect.platform.service;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
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
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import nl.mboconnect.platform.service.ProblemException.Problems;

/**
 * Every error a service returns is {@code application/problem+json} (RFC 9457) with a stable
 * {@code type}: the framework's own (400, 404, 405, 415 …), validation failures with the fields
 * at fault, domain rules ({@link ProblemException}), and anything unexpected as a 500 without a
 * stack trace (the log has it, under the same trace id).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> domainRule(ProblemException e) {
        return problem(e.toProblemDetail());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken) {
            return problem(problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "Sign in to do this."));
        }
        return problem(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You may not do this."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. Nothing was changed that was not already saved."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid input",
                "One or more fields are invalid.");
        problem.setProperty("errors", e.getBindingResult().getAllErrors().stream().map(error -> Map.of(
                "field", error instanceof FieldError field ? field.getField() : error.getObjectName(),
                "code", codeOf(error.getCode()),
                "message", String.valueOf(error.getDefaultMessage()))).toList());
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid input",
                "One or more parameters are invalid.");
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", messageOf(error))))
                .toList();
        problem.setProperty("errors", errors);
        return problem(problem);
    }

    /** Gives the framework's own problems a stable type instead of {@code about:blank}. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(Problems.type(slug(status)));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(Problems.type(type));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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

    private static String messageOf(MessageSourceResolvable error) {
        return String.valueOf(error.getDefaultMessage());
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }
}

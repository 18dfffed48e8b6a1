package nl.mboconnect.gateway.language;

import java.net.URI;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Remembers the language a visitor chose with the switch. The gateway writes the cookie, not the
 * page's script, so it carries the same {@code Secure} setting as the session and CSRF cookies.
 */
@RestController
class LanguageResource {

    static final String PROBLEMS = "https://mboconnect.nl/problems/";
    private static final Duration REMEMBERED = Duration.ofDays(365);

    record Choice(String language) {
    }

    private final boolean secureCookies;

    LanguageResource(@Value("${server.reactive.session.cookie.secure:true}") boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    // no "consumes": another media type then fails in reading the body, where refused() answers it
    @PutMapping("/bff/language")
    ResponseEntity<?> choose(@RequestBody Choice choice) {
        String language = choice == null ? null : Language.supported(choice.language());
        if (language == null) {
            return problem(HttpStatus.BAD_REQUEST, "unsupported-language", "Unsupported language",
                    "The site speaks " + String.join(" and ", Language.SUPPORTED) + ".");
        }
        ResponseCookie cookie = ResponseCookie.from(Language.COOKIE, language).path("/").maxAge(REMEMBERED)
                .sameSite("Lax").secure(secureCookies).build();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
    }

    /** Unreadable or missing bodies and other media types: a problem, like every refusal. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> refused(ResponseStatusException e) {
        HttpStatusCode status = e.getStatusCode();
        HttpStatus known = HttpStatus.resolve(status.value());
        String slug = known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
        return problem(status, slug, known == null ? "Refused" : known.getReasonPhrase(),
                "Send {\"language\": \"nl\"} or {\"language\": \"en\"} as JSON.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String type, String title,
            String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEMS + type));
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

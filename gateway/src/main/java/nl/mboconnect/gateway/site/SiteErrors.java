package nl.mboconnect.gateway.site;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway answers when something fails: a person's browser gets a Dutch page in the site's
 * shell with a way on (an unknown address, a page for other roles, a part that is away, our own
 * fault), never Spring's English "Whitelabel Error Page"; a script's call gets problem+json, as the
 * services answer theirs. A service that does not answer is 503.
 */
@Component
@Order(-2) // before Boot's own handler
public class SiteErrors implements ErrorWebExceptionHandler {

    static final String PROBLEM_BASE = "https://mboconnect.nl/problems/";
    private static final Logger log = LoggerFactory.getLogger(SiteErrors.class);

    private final SitePages.Shell shell;
    private final JsonMapper json;

    SiteErrors(SitePages.Shell shell, JsonMapper json) {
        this.shell = shell;
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpStatus status = statusOf(failure);
        if (status.is5xxServerError()) {
            log.warn("{} {} failed: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    failure.toString());
        }
        return Navigation.isPage(exchange.getRequest()) ? page(exchange, ErrorPage.of(status), status)
                : problem(exchange, status);
    }

    /** The Dutch page for a status a person's browser is answered with (429 from the rate limits, say). */
    public Mono<Void> pageFor(ServerWebExchange exchange, HttpStatus status) {
        return page(exchange, ErrorPage.of(status), status);
    }

    /**
     * A write without the session's CSRF token: a form left open until the session ended, most
     * likely. Refused (403) with a page that says nothing changed, or problem+json for a script.
     */
    public Mono<Void> formExpired(ServerWebExchange exchange) {
        if (Navigation.isPage(exchange.getRequest())) {
            return page(exchange, ErrorPage.FORM_EXPIRED, HttpStatus.FORBIDDEN);
        }
        return problem(exchange, HttpStatus.FORBIDDEN, "csrf",
                "The request does not carry this session's CSRF token (X-XSRF-TOKEN); nothing was changed.");
    }

    /** The page in the shell, with the status of what went wrong. */
    Mono<Void> page(ServerWebExchange exchange, ErrorPage page, HttpStatusCode status) {
        return shell.page(page.title, SitePages.PLAIN, page.content()).flatMap(html -> {
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(status);
            response.getHeaders().setContentType(SitePages.Shell.HTML);
            response.getHeaders().setCacheControl("no-store");
            return response.writeWith(Mono.just(response.bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8))));
        });
    }

    private Mono<Void> problem(ServerWebExchange exchange, HttpStatus status) {
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            return problem(exchange, status, "unavailable", "This part of the platform does not answer right now; try again shortly.");
        }
        if (status == HttpStatus.BAD_GATEWAY) {
            return problem(exchange, status, "broken-off", "This part of the platform broke off the request; "
                    + "look whether it was done before trying again.");
        }
        return problem(exchange, status, status.name().toLowerCase().replace('_', '-'), status.getReasonPhrase());
    }

    private Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_BASE + type);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        }
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    static HttpStatus statusOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof io.netty.channel.ConnectTimeoutException
                    // no connection to the service free in time (the gateway's pool is bounded)
                    || cause.getClass().getSimpleName().startsWith("PoolAcquire")) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // the service broke the connection off mid-request (reset, premature close): not our fault,
            // and a write may or may not have happened there, so it is not retried here
            if (cause instanceof java.io.IOException) {
                return HttpStatus.BAD_GATEWAY;
            }
        }
        if (failure instanceof ResponseStatusException statusFailure) {
            HttpStatus known = HttpStatus.resolve(statusFailure.getStatusCode().value());
            return known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}

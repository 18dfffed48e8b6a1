package nl.mboconnect.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.mboconnect.gateway.security.ApiTokens;
import nl.mboconnect.gateway.site.Navigation;
import nl.mboconnect.gateway.site.SiteErrors;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an anonymous client may do how often: start signing in (each start is a session in the
 * store) and write (a future public form such as "Bel mij terug"). Past its limit a client gets
 * 429 with {@code Retry-After}; a signed-in member's writes are not limited here, nor those of a
 * client with a valid token of its own ({@link ApiTokens}). The security
 * configuration runs this inside its filter chain, before CSRF and the login start, so a refused
 * request creates no session and still carries the security headers. Not a {@code WebFilter} bean
 * on purpose: WebFlux would run it a second time around everything.
 */
@Component
public final class RateLimits {

    static final String PROBLEM_TYPE = "https://mboconnect.nl/problems/too-many-requests";
    private static final String LOGIN_START = "/oauth2/authorization/";
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final TokenBuckets logins;
    private final TokenBuckets anonymousWrites;
    private final Counter loginsRefused;
    private final Counter writesRefused;
    private final JsonMapper json;
    private final SiteErrors pages;
    private final ApiTokens apiTokens;

    RateLimits(RateLimitProperties limits, MeterRegistry meters, JsonMapper json, SiteErrors pages,
            ApiTokens apiTokens) {
        this.logins = new TokenBuckets(limits.login().capacity(), limits.login().period(), limits.maxClients(),
                System::nanoTime);
        this.anonymousWrites = new TokenBuckets(limits.anonymousWrites().capacity(), limits.anonymousWrites().period(),
                limits.maxClients(), System::nanoTime);
        this.loginsRefused = refusals(meters, "login");
        this.writesRefused = refusals(meters, "anonymous-writes");
        this.json = json;
        this.pages = pages;
        this.apiTokens = apiTokens;
    }

    private static Counter refusals(MeterRegistry meters, String limit) {
        return Counter.builder("mbo.gateway.rate.limited").description("requests refused with 429, by limit")
                .tag("limit", limit).register(meters);
    }

    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return filter(exchange, chain, true);
    }

    /** The same for a request known to come without a session: none is looked up or made. */
    public Mono<Void> filterWithoutSession(ServerWebExchange exchange, WebFilterChain chain) {
        return filter(exchange, chain, false);
    }

    private Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain, boolean mayHaveSession) {
        var request = exchange.getRequest();
        if (request.getPath().pathWithinApplication().value().startsWith(LOGIN_START)) {
            return admit(logins, loginsRefused, exchange, chain);
        }
        if (WRITES.contains(request.getMethod())) {
            Mono<Boolean> member = mayHaveSession ? signedIn(exchange) : Mono.just(false);
            return member.flatMap(signedIn -> signedIn ? Mono.just(true)
                    : apiTokens.carriesValidToken(request))
                    .flatMap(known -> known ? chain.filter(exchange)
                            : admit(anonymousWrites, writesRefused, exchange, chain));
        }
        return chain.filter(exchange);
    }

    private static Mono<Boolean> signedIn(ServerWebExchange exchange) {
        return exchange.getSession().map(session -> session.getAttribute(
                WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME) != null);
    }

    private Mono<Void> admit(TokenBuckets buckets, Counter refused, ServerWebExchange exchange, WebFilterChain chain) {
        TokenBuckets.Decision decision = buckets.take(ClientAddress.of(exchange.getRequest().getRemoteAddress()));
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        refused.increment();
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        return tooManyRequests(exchange, seconds);
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, long retryAfterSeconds) {
        if (Navigation.isPage(exchange.getRequest())) { // a person's browser: a page saying so, in Dutch
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            return pages.pageFor(exchange, HttpStatus.TOO_MANY_REQUESTS);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_TYPE);
        problem.put("title", "Too many requests");
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put("detail", "Too many requests from your address; try again in " + retryAfterSeconds + " s.");
        problem.put("instance", exchange.getRequest().getPath().value());
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        response.getHeaders().setCacheControl("no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}

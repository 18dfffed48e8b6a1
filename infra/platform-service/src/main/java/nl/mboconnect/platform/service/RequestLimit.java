package nl.mboconnect.platform.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * At most {@code mbo.service.max-concurrent-requests} requests at once; the next gets 503
 * {@code overloaded} with {@code Retry-After} straight away, before its token is even checked.
 * Virtual threads let a service take every request a flood brings, and each holds its stack on the
 * heap while it waits: ten thousand at once ran events-service out of memory, after which it took no
 * connection at all. Turning the surplus away keeps it answering the rest. Probes and metrics
 * ({@code /actuator}) are never turned away. Every request turned away counts in
 * {@code mbo.requests.refused{reason=overloaded}}.
 */
final class RequestLimit extends OncePerRequestFilter {

    private static final byte[] PROBLEM = ("{\"type\":\"https://mboconnect.nl/problems/overloaded\","
            + "\"title\":\"Temporarily unavailable\",\"status\":503,"
            + "\"detail\":\"Too many requests at once; try again in a second.\"}").getBytes(StandardCharsets.UTF_8);

    private final Semaphore permits;
    private final Counter refused;

    RequestLimit(int maxConcurrent, MeterRegistry meters) {
        this.permits = new Semaphore(maxConcurrent);
        this.refused = Counter.builder("mbo.requests.refused").tag("reason", "overloaded")
                .description("requests answered 503 at once because the service had as many as it takes")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!permits.tryAcquire()) {
            refused.increment();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(PROBLEM.length);
            response.getOutputStream().write(PROBLEM);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}

package nl.mboconnect.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits per client address, under {@code mbo.gateway.rate-limit}. Each replica counts on its
 * own, so behind a load balancer over n replicas a client gets up to n times as much.
 *
 * @param login           starting to sign in ({@code /oauth2/authorization/**}), which creates a session
 * @param anonymousWrites POST, PUT, PATCH and DELETE without a signed-in session
 * @param maxClients      how many clients' buckets each limit keeps at most
 */
@ConfigurationProperties("mbo.gateway.rate-limit")
record RateLimitProperties(Limit login, Limit anonymousWrites, int maxClients) {

    /** {@code capacity} at once, then {@code capacity} per {@code period}. */
    record Limit(int capacity, Duration period) {
    }
}

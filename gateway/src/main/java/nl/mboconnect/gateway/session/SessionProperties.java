package nl.mboconnect.gateway.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long sessions live, under {@code mbo.gateway.session}. A signed-in session lives
 * {@code server.reactive.session.timeout} (Boot's own setting) after the member's last request.
 *
 * @param loginTimeout  how long a session that only started signing in lives: long enough to type a
 *                      password or register at Keycloak, short enough that a flood of login starts
 *                      leaves nothing behind for long
 * @param sweepInterval how often expired sessions are deleted (the embedded MongoDB-wire server never
 *                      expires a TTL index, and a real MongoDB only once a minute)
 */
@ConfigurationProperties("mbo.gateway.session")
record SessionProperties(Duration loginTimeout, Duration sweepInterval) {
}

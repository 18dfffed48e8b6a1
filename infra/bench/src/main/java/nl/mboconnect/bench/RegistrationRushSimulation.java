package nl.mboconnect.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.tryMax;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 2: every member at once registers for one event, each with their own Keycloak token,
 * over the connections the client has. A 201 is a registration (confirmed or on the waitlist), and so
 * is a 409 "already registered" on a second try whose first got through unanswered. A
 * member who is told to come back (503 "busy" or "overloaded", or no answer) tries again after one
 * seconds, up to {@value #ATTEMPTS} times in all, as a person pressing the button again would.
 */
public class RegistrationRushSimulation extends Simulation {

    static final int ATTEMPTS = 60;

    /** When the last rush began and ended (its first member in, its last answered), by {@link System#nanoTime}. */
    private static volatile long began;
    private static volatile long ended;

    /** How long the last rush took, from Gatling's hooks: finer than its own rate over whole seconds. */
    static java.time.Duration lastRush() {
        return java.time.Duration.ofNanos(ended - began);
    }

    @Override
    public void before() {
        began = System.nanoTime();
    }

    @Override
    public void after() {
        ended = System.nanoTime();
    }

    {
        Load load = Load.current();
        Iterator<Map<String, Object>> members = load.tokens().stream()
                .map(token -> Map.<String, Object>of("token", token)).iterator();
        setUp(scenario("rush").feed(members)
                .exec(tryMax(ATTEMPTS, "attempt").on(
                        doIf(session -> session.getInt("attempt") > 0)
                                .then(pause(Duration.ofSeconds(1), Duration.ofSeconds(3)))
                                .exec(http("register").post("/api/events/events/" + load.eventId() + "/registration")
                                        .header("Authorization", "Bearer #{token}")
                                        .header("Content-Type", "application/json")
                                        .body(StringBody("{}")).check(status().in(201, 409)))))
                .injectOpen(atOnceUsers(load.tokens().size())))
                .protocols(http.baseUrl(load.baseUrl()).acceptHeader("application/json").disableWarmUp()
                        .shareConnections().maxConnectionsPerHost(load.connections()));
    }
}

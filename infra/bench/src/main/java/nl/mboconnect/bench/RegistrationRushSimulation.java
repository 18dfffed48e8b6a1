package nl.mboconnect.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Iterator;
import java.util.Map;

import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 2: every member at once registers for one event, each with their own Keycloak token,
 * over the connections the client has. A 201 is a registration (confirmed or on the waitlist).
 */
public class RegistrationRushSimulation extends Simulation {

    {
        Load load = Load.current();
        Iterator<Map<String, Object>> members = load.tokens().stream()
                .map(token -> Map.<String, Object>of("token", token)).iterator();
        setUp(scenario("rush").feed(members)
                .exec(http("register").post("/api/events/events/" + load.eventId() + "/registration")
                        .header("Authorization", "Bearer #{token}").header("Content-Type", "application/json")
                        .body(StringBody("{}")).check(status().is(201)))
                .injectOpen(atOnceUsers(load.tokens().size())))
                .protocols(http.baseUrl(load.baseUrl()).acceptHeader("application/json").disableWarmUp()
                        .shareConnections().maxConnectionsPerHost(load.connections()));
    }
}

package nl.mboconnect.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 1: the anonymous agenda (a MongoDB-backed read, nothing cached on either side), by a
 * fixed number of clients back to back, against whichever address {@link Load} names.
 */
public class AgendaReadSimulation extends Simulation {

    public static final String AGENDA = "/api/events/agenda";

    {
        Load load = Load.current();
        setUp(scenario("agenda")
                .exec(http("agenda").get(AGENDA).check(status().is(200)))
                .injectClosed(constantConcurrentUsers(load.connections()).during(load.duration())))
                .protocols(http.baseUrl(load.baseUrl()).acceptHeader("application/json").disableWarmUp()
                        .shareConnections().maxConnectionsPerHost(load.connections()));
    }
}

package nl.mboconnect.bench;

import java.time.Duration;
import java.util.List;

/**
 * What the simulation that Gatling is about to run should do. Gatling makes simulations itself,
 * without arguments, so the harness leaves the load here first; one simulation runs at a time.
 *
 * @param baseUrl     where the requests go: the gateway or a service straight
 * @param connections how many connections the virtual users share (the client's concurrency)
 * @param duration    how long a closed-model scenario runs
 * @param eventId     the event a rush registers for
 * @param tokens      one member's access token per virtual user of a rush
 */
public record Load(String baseUrl, int connections, Duration duration, String eventId, List<String> tokens) {

    private static volatile Load current;

    static void set(Load load) {
        current = load;
    }

    /** The load of the simulation now starting. */
    public static Load current() {
        Load load = current;
        if (load == null) {
            throw new IllegalStateException("no load set: simulations run from the harness (./mbo bench)");
        }
        return load;
    }
}

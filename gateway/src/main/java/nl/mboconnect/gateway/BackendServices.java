package nl.mboconnect.gateway;

import java.util.List;

/**
 * The services behind the gateway, as its routes name them: {@code /api/<name>/**} goes to the
 * address {@code mbo.services.<name>}. One list for everything that asks each of them (the API
 * documents, the member's data export).
 */
public final class BackendServices {

    public static final List<String> NAMES = List.of("membership", "knowledge", "events", "polls");

    private BackendServices() {
    }
}

package nl.mboconnect.platform.events.consumer;

import nl.mboconnect.platform.events.IncomingEvent;

/** What a consumer does with one event. Throwing makes the platform retry, then dead-letter it. */
@FunctionalInterface
public interface EventHandler {

    void handle(IncomingEvent event);
}

package nl.mboconnect.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event mechanisms, under {@code mbo.events}.
 *
 * @param source            the CloudEvents {@code source} of everything this service publishes, e.g. {@code /membership}
 * @param partitions        partitions of the topics this service creates
 * @param sendTimeout       how long the relay waits for Kafka to acknowledge one event
 * @param sweepInterval     how often pending outbox events are looked for
 * @param sweepMinimumAge   how old a pending event must be before the sweeper takes it from the relay
 * @param handledRetention  how long handled event ids are kept to recognise a redelivery
 * @param cleanupInterval   how often older handled ids are removed
 * @param retry             back-off between attempts to handle a failing event, before the dead-letter topic
 * @param aggregateWait     how long a change waits for its turn on a busy aggregate before it is refused (503)
 */
@ConfigurationProperties("mbo.events")
public record PlatformEventsProperties(
        String source,
        @DefaultValue("3") int partitions,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("10s") Duration sweepMinimumAge,
        @DefaultValue("7d") Duration handledRetention,
        @DefaultValue("1h") Duration cleanupInterval,
        @DefaultValue Retry retry,
        @DefaultValue("10s") Duration aggregateWait) {

    /**
     * @param maxRetries tries after the first, before the event goes to {@code <topic>.dlt}
     */
    public record Retry(
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("10s") Duration maxInterval,
            @DefaultValue("4") int maxRetries) {
    }
}

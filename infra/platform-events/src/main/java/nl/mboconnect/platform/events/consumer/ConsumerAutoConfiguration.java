package nl.mboconnect.platform.events.consumer;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import nl.mboconnect.platform.events.EventsAutoConfiguration;
import nl.mboconnect.platform.events.PeriodicTask;
import nl.mboconnect.platform.events.PlatformEventsProperties;

@AutoConfiguration(after = EventsAutoConfiguration.class)
public class ConsumerAutoConfiguration {

    @Bean
    IdempotentConsumer idempotentConsumer(MongoDatabase database, Clock clock, MeterRegistry meters) {
        return new IdempotentConsumer(database, EventsAutoConfiguration.EVENT_JSON, clock, meters);
    }

    @Bean
    SmartLifecycle handledEventsCleanup(IdempotentConsumer consumer, ScheduledExecutorService platformEventsScheduler,
            PlatformEventsProperties properties) {
        return new PeriodicTask("handled-events clean-up", platformEventsScheduler, properties.cleanupInterval(),
                () -> {
                    long removed = consumer.forgetHandledBefore(properties.handledRetention());
                    if (removed > 0) {
                        LoggerFactory.getLogger(IdempotentConsumer.class)
                                .info("forgot {} handled event id(s) older than {}", removed,
                                        properties.handledRetention());
                    }
                });
    }
}

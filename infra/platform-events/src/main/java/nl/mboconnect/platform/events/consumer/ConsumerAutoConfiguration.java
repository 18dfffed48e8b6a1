package nl.mboconnect.platform.events.consumer;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import nl.mboconnect.platform.events.EventTopics;
import nl.mboconnect.platform.events.EventsAutoConfiguration;
import nl.mboconnect.platform.events.PeriodicTask;
import nl.mboconnect.platform.events.PlatformEventsProperties;
import nl.mboconnect.platform.events.readmodel.ReadModels;
import nl.mboconnect.platform.service.ErasedMembers;
import nl.mboconnect.platform.service.PersonalData;

@AutoConfiguration(after = { EventsAutoConfiguration.class, KafkaAutoConfiguration.class })
public class ConsumerAutoConfiguration {

    @Bean
    IdempotentConsumer idempotentConsumer(MongoDatabase database, Clock clock, MeterRegistry meters) {
        return new IdempotentConsumer(database, EventsAutoConfiguration.EVENT_JSON, clock, meters);
    }

    /**
     * Every read model the service declares, kept from its topics by consumers of their own. Their
     * groups are named {@code <prefix>.<read model>}, the prefix being the application's name (a
     * test whose context has a database of its own gives it groups of its own too).
     */
    @Bean
    @SuppressWarnings("unchecked")
    ReadModels readModels(MongoDatabase database, ConcurrentKafkaListenerContainerFactory<?, ?> containers,
            MeterRegistry meters, @Value("${mbo.events.consumer-group-prefix:${spring.application.name}}") String application,
            @Value("${spring.kafka.listener.auto-startup:true}") boolean autoStartup, ErasedMembers erased) {
        return new ReadModels(database, (ConcurrentKafkaListenerContainerFactory<String, byte[]>) containers,
                EventsAutoConfiguration.EVENT_JSON, meters, application, autoStartup, erased);
    }

    /** A member's erasure, announced by membership-service, done here by every {@link PersonalData} part. */
    @Bean
    @SuppressWarnings("unchecked")
    MemberErasure memberErasure(ObjectProvider<PersonalData> parts, ErasedMembers erased, IdempotentConsumer consumer,
            ConcurrentKafkaListenerContainerFactory<?, ?> containers, MeterRegistry meters,
            @Value("${mbo.events.consumer-group-prefix:${spring.application.name}}") String application,
            @Value("${spring.kafka.listener.auto-startup:true}") boolean autoStartup) {
        return new MemberErasure(parts.orderedStream().toList(), erased, consumer,
                (ConcurrentKafkaListenerContainerFactory<String, byte[]>) containers, EventsAutoConfiguration.EVENT_JSON,
                meters, application, autoStartup);
    }

    @Bean
    EventTopics memberErasureTopic() {
        return EventTopics.none().consumes(MemberErasure.TOPIC);
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

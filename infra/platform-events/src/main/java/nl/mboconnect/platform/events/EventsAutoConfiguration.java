package nl.mboconnect.platform.events;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.backoff.ExponentialBackOff;

import nl.mboconnect.platform.events.consumer.Failures;
import nl.mboconnect.platform.events.readmodel.ReadModel;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pieces every service shares to publish and consume events: the Kafka template the outbox
 * and the dead-letter recoverer write with, the error handler of every listener, and the topics the
 * service declares.
 */
// Before Kafka's auto-configuration, so this template is the one and Boot's backs off.
@AutoConfiguration(before = KafkaAutoConfiguration.class, after = MongoAutoConfiguration.class)
@EnableConfigurationProperties(PlatformEventsProperties.class)
public class EventsAutoConfiguration {

    /** Event data is JSON with ISO-8601 times; readers ignore fields they do not know. */
    public static final JsonMapper EVENT_JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Bean
    @ConditionalOnMissingBean
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, byte[]> eventsKafkaTemplate(ProducerFactory<?, ?> producerFactory) {
        return new KafkaTemplate<>((ProducerFactory<String, byte[]>) producerFactory);
    }

    /**
     * A failure that passes (the database away) is retried with back-off until it succeeds, never
     * dead-lettered; a record no retry can read goes to {@code <topic>.dlt} at once; any other failure
     * is retried a few times, then dead-lettered, from where a replay puts it back once mended.
     */
    @Bean
    @ConditionalOnMissingBean
    CommonErrorHandler eventsErrorHandler(KafkaTemplate<String, byte[]> kafka, PlatformEventsProperties properties) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(EventTopics.deadLetterTopic(record.topic()), -1));
        PlatformEventsProperties.Retry retry = properties.retry();
        var backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class);
        var waitItOut = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        waitItOut.setMaxInterval(retry.maxInterval().toMillis()); // and no end: it passes, or someone mends it
        handler.setBackOffFunction((record, failure) -> Failures.isTransient(failure) ? waitItOut : null);
        return handler;
    }

    @Bean
    KafkaAdmin.NewTopics eventTopicsToCreate(ObjectProvider<EventTopics> declared,
            ObjectProvider<ReadModel<?>> readModels, PlatformEventsProperties properties) {
        EventTopics keptFrom = EventTopics.none()
                .consumes(readModels.orderedStream().flatMap(model -> model.topics().stream()).toArray(String[]::new));
        NewTopic[] topics = Stream.concat(declared.orderedStream(), Stream.of(keptFrom))
                .flatMap(topicSet -> topicSet.all().stream())
                .distinct()
                .map(name -> TopicBuilder.name(name).partitions(properties.partitions()).build())
                .toArray(NewTopic[]::new);
        return new KafkaAdmin.NewTopics(topics);
    }

    /** One thread for the platform's periodic work: the outbox sweep and the handled-id clean-up. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService platformEventsScheduler() {
        return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("platform-events-"));
    }
}

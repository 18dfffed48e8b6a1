package nl.mboconnect.platform.events;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
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

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pieces every service shares to publish and consume events: the Kafka template the outbox
 * and the dead-letter recoverer write with, the error handler of every listener, the topics the
 * service declares, and the service's own database.
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
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    @Bean
    @ConditionalOnMissingBean
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, byte[]> eventsKafkaTemplate(ProducerFactory<?, ?> producerFactory) {
        return new KafkaTemplate<>((ProducerFactory<String, byte[]>) producerFactory);
    }

    /** Retries with back-off, then {@code <topic>.dlt}; a record no retry can read goes there at once. */
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
        return handler;
    }

    @Bean
    KafkaAdmin.NewTopics eventTopicsToCreate(ObjectProvider<EventTopics> declared, PlatformEventsProperties properties) {
        NewTopic[] topics = declared.orderedStream()
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

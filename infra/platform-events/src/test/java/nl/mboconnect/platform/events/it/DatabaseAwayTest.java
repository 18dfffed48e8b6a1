package nl.mboconnect.platform.events.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ResolvableType;

import nl.mboconnect.platform.events.it.ParcelApplication.Recipient;
import nl.mboconnect.platform.events.readmodel.ReadModel;
import nl.mboconnect.platform.testing.ServiceTestInfrastructure;
import nl.mboconnect.platform.testing.TcpProxy;
import nl.mboconnect.platform.testing.TestEvents;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TopicReader;

/**
 * The database away for a while (30 s) as events arrive: a consumer waits it out, retrying with
 * back-off, and applies every event once the database is back; nothing goes to the dead-letter
 * topic, because nothing was wrong with the events.
 */
class DatabaseAwayTest {

    private static final Duration AWAY = Duration.ofSeconds(30);
    private static final int EVENTS = 20;

    @Test
    void eventsArrivingWhileTheDatabaseIsAwayAreAllAppliedAfterwardsAndNoneIsDeadLettered() throws Exception {
        URI mongo = URI.create(TestInfrastructure.mongoUri("database-away"));
        try (TcpProxy database = TcpProxy.to(mongo.getHost(), mongo.getPort());
                TopicReader deadLetters = TopicReader.fromNow(TestInfrastructure.kafka().bootstrapServers(),
                        ParcelApplication.RECIPIENTS + ".dlt");
                ConfigurableApplicationContext service = start(database)) {
            @SuppressWarnings("unchecked")
            ReadModel<Recipient> recipients = (ReadModel<Recipient>) service.getBeanProvider(
                    ResolvableType.forClassWithGenerics(ReadModel.class, Recipient.class)).getObject();
            String first = UUID.randomUUID().toString();
            TestEvents.publish(named(first, "Voor de storing"));
            await().atMost(Duration.ofSeconds(30)).until(() -> recipients.find(first).isPresent());

            database.cut();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                TestEvents.publish(named(id, "Tijdens de storing " + i));
            }
            // the outage is the scenario: for its length, the consumer must keep every event to itself
            assertThat(deadLetters.readFor(AWAY)).noneMatch(record -> ids.contains(record.key()));
            database.restore();

            await().atMost(Duration.ofSeconds(60)).until(() -> recipients.findAll(ids).size() == EVENTS);
            assertThat(recipients.find(ids.getLast()).map(Recipient::name)).contains("Tijdens de storing " + (EVENTS - 1));
            assertThat(deadLetters.readFor(Duration.ofSeconds(2))).noneMatch(record -> ids.contains(record.key()));
        }
    }

    private static ConfigurableApplicationContext start(TcpProxy database) {
        Map<String, Object> properties = new HashMap<>(ServiceTestInfrastructure.properties("database-away"));
        properties.put("spring.mongodb.uri", "mongodb://localhost:" + database.port() + "/database-away");
        // a consumer group of its own, so the read model here does not share partitions with other tests'
        properties.put("spring.application.name", "platform-events-database-away");
        properties.put("server.port", "0");
        properties.put("mbo.mongodb.server-selection-timeout", "2s");
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ParcelApplication.class).run(arguments);
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> named(String id, String name) {
        return TestEvents.cloudEvent(ParcelApplication.RECIPIENTS, ParcelApplication.NAMED, "/other", id, Instant.now(),
                "{\"recipientId\":\"" + id + "\",\"name\":\"" + name + "\"}");
    }
}

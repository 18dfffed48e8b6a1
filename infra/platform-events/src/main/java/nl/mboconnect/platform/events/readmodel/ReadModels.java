package nl.mboconnect.platform.events.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.mboconnect.platform.events.IncomingEvent;
import nl.mboconnect.platform.service.ErasedMembers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes and keeps a service's read models: each is read from its topics by a consumer group of
 * its own ({@code <application>.<name>}), under the platform's error handling (a database away is
 * waited out; data that can never fit goes to the dead-letter topic at once).
 */
public final class ReadModels implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);

    private final MongoDatabase database;
    private final ConcurrentKafkaListenerContainerFactory<String, byte[]> containers;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final String application;
    private final boolean autoStartup;
    private final ErasedMembers erased;
    private final List<ReadModel<?>> models = new CopyOnWriteArrayList<>();
    private final List<ConcurrentMessageListenerContainer<String, byte[]>> running = new ArrayList<>();

    public ReadModels(MongoDatabase database, ConcurrentKafkaListenerContainerFactory<String, byte[]> containers,
            JsonMapper json, MeterRegistry meters, String application, boolean autoStartup, ErasedMembers erased) {
        this.database = database;
        this.containers = containers;
        this.json = json;
        this.meters = meters;
        this.application = application;
        this.autoStartup = autoStartup;
        this.erased = erased;
    }

    /**
     * Starts the declaration of a read model.
     *
     * @param name stable across releases and replicas, e.g. {@code member-directory}: it names the
     *             collection ({@code member_directory}) and the consumer group
     */
    public <T extends Record> ReadModel.Definition<T> define(String name, Class<T> type) {
        return new ReadModel.Definition<>(name, type, definition -> {
            ReadModel<T> model = ReadModel.create(definition,
                    database.getCollection(name.replace('-', '_'), definition.type()), erased);
            models.add(model);
            return model;
        });
    }

    public List<ReadModel<?>> all() {
        return List.copyOf(models);
    }

    /** As every listener of the service ({@code spring.kafka.listener.auto-startup}). */
    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public synchronized void start() {
        for (ReadModel<?> model : models) {
            ConcurrentMessageListenerContainer<String, byte[]> container = containers
                    .createContainer(model.topics().toArray(String[]::new));
            container.getContainerProperties().setGroupId(application + "." + model.name());
            container.setBeanName(application + "." + model.name());
            Keeper keeper = new Keeper(model, json, Counter.builder("mbo.readmodel.events")
                    .tag("read-model", model.name()).description("events applied to a read model").register(meters));
            container.getContainerProperties().setMessageListener(keeper);
            model.onReplay(keeper::replay);
            container.start();
            running.add(container);
            log.debug("read model {} kept from {}", model.name(), model.topics());
        }
    }

    @Override
    public synchronized void stop() {
        running.forEach(ConcurrentMessageListenerContainer::stop);
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }

    /** Applies each record to its read model; remembers where it reads, so it can start over. */
    private static final class Keeper extends AbstractConsumerSeekAware implements MessageListener<String, byte[]> {

        private final ReadModel<?> model;
        private final JsonMapper json;
        private final Counter applied;

        Keeper(ReadModel<?> model, JsonMapper json, Counter applied) {
            this.model = model;
            this.json = json;
            this.applied = applied;
        }

        @Override
        public void onMessage(ConsumerRecord<String, byte[]> record) {
            model.apply(IncomingEvent.from(record, json));
            applied.increment();
        }

        void replay() {
            seekToBeginning();
        }
    }
}

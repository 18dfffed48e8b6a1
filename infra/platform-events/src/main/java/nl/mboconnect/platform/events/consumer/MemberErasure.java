package nl.mboconnect.platform.events.consumer;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.mboconnect.platform.events.IncomingEvent;
import nl.mboconnect.platform.service.ErasedMembers;
import nl.mboconnect.platform.service.PersonalData;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member erased their account: when membership-service announces {@value #ERASED} on
 * {@value #TOPIC}, every service erases what it holds about them through its {@link PersonalData}
 * parts, read models about members included, with no code of its own. The member is recorded as
 * erased first ({@link ErasedMembers}), so no token and no late event brings them back meanwhile.
 *
 * <p>Effectively once ({@link IdempotentConsumer}), under the platform's error handling: a
 * dependency away (the database, Keycloak for membership-service's own part) is waited out and
 * the erasure finished when it is back; every part is tried each time, and the first failure
 * reported after.
 */
public final class MemberErasure implements SmartLifecycle {

    public static final String TOPIC = "membership.member.v1";
    public static final String ERASED = "nl.mboconnect.membership.member.erased.v1";
    static final String CONSUMER = "member-erasure";
    private static final Logger log = LoggerFactory.getLogger(MemberErasure.class);

    private final List<PersonalData> parts;
    private final ErasedMembers erased;
    private final IdempotentConsumer consumer;
    private final ConcurrentKafkaListenerContainerFactory<String, byte[]> containers;
    private final JsonMapper json;
    private final String application;
    private final boolean autoStartup;
    private final Counter erasures;
    private ConcurrentMessageListenerContainer<String, byte[]> running;
    private final java.util.concurrent.locks.ReentrantLock[] turns = new java.util.concurrent.locks.ReentrantLock[64];

    /** What the event says: whose account it was. */
    record Erased(String memberId) {
    }

    MemberErasure(List<PersonalData> parts, ErasedMembers erased, IdempotentConsumer consumer,
            ConcurrentKafkaListenerContainerFactory<String, byte[]> containers, JsonMapper json, MeterRegistry meters,
            String application, boolean autoStartup) {
        this.parts = List.copyOf(parts);
        for (int i = 0; i < turns.length; i++) {
            turns[i] = new java.util.concurrent.locks.ReentrantLock();
        }
        this.erased = erased;
        this.consumer = consumer;
        this.containers = containers;
        this.json = json;
        this.application = application;
        this.autoStartup = autoStartup;
        this.erasures = Counter.builder("mbo.members.erased").description("members whose data this service erased")
                .register(meters);
    }

    /**
     * Erases the member's data in this service, every part; done again, it finishes what a failure
     * left. membership-service calls it at once for the request; every service on the event.
     */
    public void erase(String memberId) {
        // the request that asked for it and the event it announced may meet here: one after the other
        java.util.concurrent.locks.ReentrantLock turn = turns[Math.floorMod(memberId.hashCode(), turns.length)];
        turn.lock(); // not synchronized: a virtual thread waiting on Keycloak must not hold its carrier
        try {
            eraseNow(memberId);
        } finally {
            turn.unlock();
        }
    }

    private void eraseNow(String memberId) {
        erased.record(memberId);
        RuntimeException first = null;
        for (PersonalData part : parts) {
            try {
                part.erase(memberId);
            } catch (RuntimeException e) {
                log.warn("erasure of member {}…: part {} not erased yet: {}", ErasedMembers.hash(memberId)
                        .substring(0, 12), part.part(), e.toString());
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        erasures.increment();
        log.info("erased member {}… from {} part(s)", ErasedMembers.hash(memberId).substring(0, 12), parts.size());
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public synchronized void start() {
        ConcurrentMessageListenerContainer<String, byte[]> container = containers.createContainer(TOPIC);
        container.getContainerProperties().setGroupId(application + "." + CONSUMER);
        container.setBeanName(application + "." + CONSUMER);
        container.getContainerProperties().setMessageListener((MessageListener<String, byte[]>) this::onMessage);
        container.start();
        running = container;
    }

    private void onMessage(ConsumerRecord<String, byte[]> record) {
        if (ERASED.equals(IncomingEvent.from(record, json).type())) {
            consumer.handle(CONSUMER, record, event -> erase(event.data(Erased.class).memberId()));
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }
}

package nl.mboconnect.polls.directory;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.mboconnect.platform.events.EventTopics;
import nl.mboconnect.platform.events.consumer.IdempotentConsumer;

/** Keeps the {@link MemberDirectory} current from {@value #TOPIC}. */
@Component
class MemberDirectoryListener {

    static final String TOPIC = "membership.member.v1";
    static final Set<String> NAMING_EVENTS = Set.of(
            "nl.mboconnect.membership.member.registered.v1",
            "nl.mboconnect.membership.member.profile-updated.v1");

    private final IdempotentConsumer consumer;
    private final MemberDirectory directory;

    MemberDirectoryListener(IdempotentConsumer consumer, MemberDirectory directory) {
        this.consumer = consumer;
        this.directory = directory;
    }

    @KafkaListener(id = "${spring.application.name}.member-directory", topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.handle("member-directory", record, event -> {
            if (NAMING_EVENTS.contains(event.type())) {
                MemberNamed named = event.data(MemberNamed.class);
                directory.remember(named.memberId(), named.displayName(), event.time());
            }
        });
    }

    /** The fields this service reads of membership's member events; the rest is ignored. */
    record MemberNamed(String memberId, String displayName) {
    }

    @Configuration
    static class Topics {

        @Bean
        EventTopics memberDirectoryTopics() {
            return EventTopics.none().consumes(TOPIC);
        }
    }
}

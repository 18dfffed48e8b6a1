package nl.mboconnect.platform.events;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The topics a service publishes to and reads from. Declared once per service as a bean; the
 * platform creates them (and a {@code <topic>.dlt} for each one read) at start-up, idempotently.
 */
public record EventTopics(Set<String> produced, Set<String> consumed) {

    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public EventTopics {
        produced = Set.copyOf(produced);
        consumed = Set.copyOf(consumed);
    }

    public static EventTopics none() {
        return new EventTopics(Set.of(), Set.of());
    }

    public EventTopics produces(EventType<?>... types) {
        Set<String> topics = new LinkedHashSet<>(produced);
        for (EventType<?> type : types) {
            topics.add(type.topic());
        }
        return new EventTopics(topics, consumed);
    }

    public EventTopics consumes(String... topics) {
        Set<String> all = new LinkedHashSet<>(consumed);
        all.addAll(List.of(topics));
        return new EventTopics(produced, all);
    }

    /** Every topic to create: produced, consumed and the dead-letter topic of each consumed one. */
    public Set<String> all() {
        Set<String> all = new LinkedHashSet<>(produced);
        all.addAll(consumed);
        consumed.forEach(topic -> all.add(deadLetterTopic(topic)));
        return all;
    }

    public static String deadLetterTopic(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}

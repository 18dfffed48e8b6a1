package nl.mboconnect.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the moment it is opened, so a test can wait for the event
 * its action caused. No consumer group: it assigns itself every partition.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicReader(String bootstrapServers, String topic, boolean fromStart) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = partitionsOf(topic);
        consumer.assign(partitions);
        if (fromStart) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position); // fix the starting point now
    }

    /** Sees what is published to {@code topic} from now on. */
    public static TopicReader fromNow(String bootstrapServers, String topic) {
        return new TopicReader(bootstrapServers, topic, false);
    }

    /** Sees everything on {@code topic}, what was published before too. */
    public static TopicReader fromStart(String bootstrapServers, String topic) {
        return new TopicReader(bootstrapServers, topic, true);
    }

    /** The first record (read so far or arriving within {@code timeout}) that matches. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> matching, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = awaitCount(matching, 1, timeout);
        return found.getFirst();
    }

    /** Waits until {@code count} matching records were read; returns all matching read by then. */
    public List<ConsumerRecord<String, byte[]>> awaitCount(Predicate<ConsumerRecord<String, byte[]>> matching,
            int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<ConsumerRecord<String, byte[]>> matches = seen.stream().filter(matching).toList();
            if (matches.size() >= count) {
                return matches;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " matching record(s) within " + timeout + ", found "
                        + matches.size() + " of " + seen.size() + " read");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    /** Everything read during {@code period}, for asserting that something did NOT happen. */
    public List<ConsumerRecord<String, byte[]>> readFor(Duration period) {
        Instant end = Instant.now().plus(period);
        while (Instant.now().isBefore(end)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private List<TopicPartition> partitionsOf(String topic) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            ManagedProcess.sleep(200);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}

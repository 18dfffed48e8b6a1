package nl.mboconnect.platform.events.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import nl.mboconnect.platform.events.EventTopics;

/**
 * Puts what a dead-letter topic holds back onto its topic, once the fault that sent it there is
 * mended: each record as it was first published (key, value, CloudEvents headers; the dead-letter
 * notes are left off). It replays what the dead letters hold when it starts; a record that fails
 * again is dead-lettered again, for the next replay. Every record is replayed once: the replay
 * remembers, as consumer group {@value #GROUP}, how far it got. Consumers recognise an event they
 * handled already.
 *
 * <pre>
 * ./mbo replay-dlt events.registration.v1                 # the local run's broker
 * java -cp events-service.jar -Dloader.main=nl.mboconnect.platform.events.consumer.DeadLetterReplay \
 *      org.springframework.boot.loader.launch.PropertiesLauncher kafka:9092 events.registration.v1
 * </pre>
 */
public final class DeadLetterReplay {

    static final String GROUP = "mbo-dead-letter-replay";
    private static final String DEAD_LETTER_HEADERS = "kafka_dlt-";

    private DeadLetterReplay() {
    }

    /** {@code <bootstrap servers> <topic>}: replays {@code <topic>.dlt} onto {@code <topic>}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DeadLetterReplay <bootstrap servers> <topic>   (replays <topic>.dlt onto <topic>)");
            System.exit(2);
        }
        int replayed = replay(args[0], args[1]);
        System.out.printf("replayed %d record(s) from %s onto %s%n", replayed, EventTopics.deadLetterTopic(args[1]),
                args[1]);
    }

    /** @return how many records were put back */
    public static int replay(String bootstrapServers, String topic) throws InterruptedException, ExecutionException {
        String deadLetters = EventTopics.deadLetterTopic(topic);
        int replayed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            // what the dead letters hold now, and no more: a record that fails again comes back to them
            // after this replay, for the next one, instead of going round without end
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters).stream()
                    .map(partition -> new TopicPartition(deadLetters, partition.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata from = committed.get(partition);
                if (from == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from.offset());
                }
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        continue; // dead-lettered during this replay
                    }
                    ProducerRecord<byte[], byte[]> original = new ProducerRecord<>(topic, null, record.key(),
                            record.value());
                    for (Header header : record.headers()) {
                        if (!header.key().startsWith(DEAD_LETTER_HEADERS)) {
                            original.headers().add(header);
                        }
                    }
                    sent.add(producer.send(original));
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
                for (Future<RecordMetadata> acknowledged : sent) {
                    acknowledged.get(); // all back on the topic before they count as done
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                    replayed += sent.size();
                }
            }
        }
        return replayed;
    }
}

package nl.mboconnect.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Scenario 3: an organiser publishes events at a steady rate; a plain Kafka consumer of the
 * partners' topic notes when each one's record arrives. The latency runs from the publish request's
 * answer (200) to the record in the consumer's hands.
 */
final class PartnerLatency implements Bench.Scenario {

    static final String TITLE = "3. Public change → partner record on Kafka";
    static final String TOPIC = "partner.events.v1";
    static final int WARM_UP = 20;

    @Override
    public Report.Section run(Bench.Target target, Bench.Sizes sizes) {
        int warmUp = Math.min(WARM_UP, sizes.partnerEvents());
        EventsApi events = new EventsApi(target.platform().serviceUrl("events"), target.members().organiserToken());
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Map<String, Long> answered = new ConcurrentHashMap<>();
        Thread consumer;
        try (KafkaConsumer<String, byte[]> kafka = consumer(target.platform().kafkaBootstrapServers())) {
            List<TopicPartition> partitions = kafka.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            partitions.forEach(kafka::position); // the end, fixed before the first publish
            consumer = Thread.ofPlatform().name("partner-consumer").start(() -> {
                while (reading.get()) {
                    for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(50))) {
                        arrived.putIfAbsent(record.key(), System.nanoTime());
                    }
                }
            });
            // untimed first, as on a platform that has been up a while: the first publishes pay for the JIT
            for (int i = 0; i < warmUp; i++) {
                events.publish(events.draft("Warm-up voor partners " + (i + 1), 40));
            }
            long interval = 1_000_000_000L / sizes.partnerRate();
            long next = System.nanoTime();
            for (int i = 0; i < sizes.partnerEvents(); i++) {
                String id = events.draft("Voor partners " + (i + 1), 40);
                // parked, not spinning: on two cores a spinning client takes a core from what it measures
                for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                events.publish(id);
                answered.put(id, System.nanoTime());
                next += interval;
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!arrived.keySet().containsAll(answered.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            reading.set(false);
            consumer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double[] millis = answered.entrySet().stream().filter(entry -> arrived.containsKey(entry.getKey()))
                .mapToDouble(entry -> (arrived.get(entry.getKey()) - entry.getValue()) / 1e6).toArray();
        long missing = answered.size() - millis.length;
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(sizes.partnerRate() + "/s", Integer.toString(sizes.partnerEvents()),
                Report.decimal(GatewayVersusDirect.percentile(millis, 50)),
                Report.decimal(GatewayVersusDirect.percentile(millis, 90)),
                Report.decimal(GatewayVersusDirect.percentile(millis, 99)),
                Report.decimal(GatewayVersusDirect.percentile(millis, 100)), Long.toString(missing)));
        return new Report.Section(TITLE, "p50 ≤ 10 ms, p99 ≤ 30 ms.",
                List.of("rate", "events", "p50 ms", "p90 ms", "p99 ms", "slowest ms", "never arrived (30 s)"), rows,
                List.of("Straight to events-service; a draft is made first, untimed, then published: the publish "
                        + "is the public change. A negative figure would mean the record arrived before the answer.",
                        "Before the timed ones, " + warmUp + " events are published untimed (the JIT's first "
                                + "compilations). With n events, p99 is the ⌈0.99·n⌉-th fastest: of 100 it was the "
                                + "second slowest, one pause decided it; hence 300."),
                missing == 0);
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }
}

package nl.mboconnect.platform.events.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.mboconnect.platform.domain.Refusal;

class CombinerTest {

    @Test
    void aCrowdIsDecidedInBatchesOneAtATimeEachGettingItsOwnOutcome() throws Exception {
        Combiner<Integer, Integer> combiner = new Combiner<>("poll", 16, Duration.ofSeconds(30), new SimpleMeterRegistry());
        AtomicInteger decided = new AtomicInteger();
        AtomicBoolean inside = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());
        int callers = 400;
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            int operation = i;
            answers.add(pool.submit(() -> {
                go.await();
                return combiner.submit("poll-1", operation, batch -> {
                    if (!inside.compareAndSet(false, true)) {
                        overlapped.set(true);
                    }
                    batchSizes.add(batch.size());
                    sleep(2); // one write
                    List<Combiner.Outcome<Integer>> outcomes = batch.stream()
                            .map(each -> Combiner.Outcome.of(decided.incrementAndGet())).toList();
                    inside.set(false);
                    return outcomes;
                });
            }));
        }
        go.countDown();
        List<Integer> places = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            places.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(overlapped).as("one batch at a time per aggregate").isFalse();
        assertThat(places).as("each decided once").doesNotHaveDuplicates().hasSize(callers)
                .allMatch(place -> place >= 1 && place <= callers);
        assertThat(batchSizes).allMatch(size -> size >= 1 && size <= 16);
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(callers);
        assertThat(batchSizes.size()).as("combined: fewer writes than callers").isLessThan(callers / 2);
    }

    @Test
    void oneRefusalIsThatCallersAloneAndAFailureOfTheWriteIsEveryonesInTheBatch() {
        Combiner<String, String> combiner = new Combiner<>("event", 8, Duration.ofSeconds(5), new SimpleMeterRegistry());

        assertThatThrownBy(() -> combiner.submit("e", "vol", batch -> batch.stream()
                .map(each -> Combiner.Outcome.<String>refused(Refusal.conflict("full", "no place"))).toList()))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.code()).isEqualTo("full"));
        assertThat(combiner.submit("e", "plek", batch -> batch.stream().map(Combiner.Outcome::of).toList()))
                .isEqualTo("plek");
        assertThatThrownBy(() -> combiner.submit("e", "weg", batch -> {
            throw Refusal.unavailable("database-unavailable", "MongoDB is away", Duration.ofSeconds(5));
        })).isInstanceOf(Refusal.class);
    }

    @Test
    void anOperationStillInLinePastTheWaitIsRefusedAndTheLineGoesOn() throws Exception {
        Combiner<String, String> combiner = new Combiner<>("event", 8, Duration.ofMillis(300), new SimpleMeterRegistry());
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        Future<String> slow = pool.submit(() -> combiner.submit("e", "eerste", batch -> {
            writing.countDown();
            await(release);
            return batch.stream().map(Combiner.Outcome::of).toList();
        }));
        writing.await();

        assertThatThrownBy(() -> combiner.submit("e", "tweede", batch -> batch.stream().map(Combiner.Outcome::of).toList()))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("busy");
                    assertThat(refusal.retryAfter()).isNotNull();
                });
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("eerste");
        assertThat(combiner.submit("e", "derde", batch -> batch.stream().map(Combiner.Outcome::of).toList()))
                .as("the refused one left the line; the next is served").isEqualTo("derde");
        pool.shutdown();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

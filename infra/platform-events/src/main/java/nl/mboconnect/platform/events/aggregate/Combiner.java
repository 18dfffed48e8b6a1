package nl.mboconnect.platform.events.aggregate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import nl.mboconnect.platform.domain.Refusal;

/**
 * Many callers' operations on one aggregate, decided together and written in one write: for the
 * aggregate a crowd changes at once (the last seats of an event, the votes on a poll). Callers line
 * up in arrival order; one of them at a time leads, takes up to {@code maxBatch} from the head of
 * the line and hands them to {@code run}, which decides each on the state the one before left and
 * writes them with {@link AggregateStore#update} as one change; each caller gets its own outcome.
 * A rush then costs one write per batch instead of one per caller, in the same order, with the
 * same guarantees. A leader leads until its own operation is done and then hands the line on, so
 * nobody leads for ever; and nobody waits without end: an operation still in line past {@code wait}
 * is taken out and refused ({@link Refusal.Kind#UNAVAILABLE}, code {@code busy}).
 *
 * <pre>{@code
 * Combiner<Vote, Tally> votes = aggregates.combiner("poll", 64);
 * Tally tally = votes.submit(pollId, vote, batch -> store.update(pollId, loaded -> decideAll(loaded, batch)));
 * }</pre>
 *
 * @param <O> one caller's operation
 * @param <R> what one caller gets back
 */
public final class Combiner<O, R> {

    private static final int QUEUED = 0;
    private static final int TAKEN = 1;
    private static final int ABANDONED = 2;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final long TAKEN_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final String singular;
    private final int maxBatch;
    private final Duration wait;
    private final Map<String, Line> lines = new ConcurrentHashMap<>();
    private final DistributionSummary batches;
    private final Counter busy;

    Combiner(String singular, int maxBatch, Duration wait, MeterRegistry meters) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.singular = singular;
        this.maxBatch = maxBatch;
        this.wait = wait;
        this.batches = DistributionSummary.builder("mbo.aggregate.batch.size").tag("aggregate", singular)
                .description("operations decided together in one write").register(meters);
        this.busy = Counter.builder("mbo.aggregate.batch.busy").tag("aggregate", singular)
                .description("operations refused because they stayed in line past the wait").register(meters);
    }

    /** What {@code run} decided for one operation: a result, or why it was refused. */
    public record Outcome<R>(R result, RuntimeException refusal) {

        public static <R> Outcome<R> of(R result) {
            return new Outcome<>(result, null);
        }

        public static <R> Outcome<R> refused(RuntimeException refusal) {
            return new Outcome<>(null, refusal);
        }
    }

    /**
     * Lines the operation up for the aggregate {@code id} and returns its outcome once a batch with
     * it was decided and written.
     *
     * @param run decides a batch, in order, and returns one outcome per operation, in the same order;
     *            what it throws is thrown to every caller in the batch
     * @throws Refusal what {@code run} refused this operation, or unavailable ({@code busy}) past the wait
     */
    public R submit(String id, O operation, Function<List<O>, List<Outcome<R>>> run) {
        Line line = lines.computeIfAbsent(id, key -> new Line());
        Waiting waiting = new Waiting(operation);
        line.queue.add(waiting);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!waiting.result.isDone()) {
            CompletableFuture<Void> wake = waiting.wake;
            if (line.leader.tryLock()) {
                try {
                    lead(line, waiting, run);
                } finally {
                    line.leader.unlock();
                }
                handOver(line);
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                if (waiting.state.compareAndSet(QUEUED, ABANDONED)) {
                    line.queue.remove(waiting);
                    busy.increment();
                    throw Refusal.unavailable("busy",
                            singular + " " + id + " is being changed by many at once; try again", RETRY_AFTER);
                }
                left = TAKEN_WAIT_NANOS; // in a batch already: its answer is on its way
            }
            try {
                wake.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting in line", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
            if (!waiting.result.isDone()) {
                waiting.wake = new CompletableFuture<>(); // handed the line: try to lead
            }
        }
        return waiting.outcome();
    }

    /** Decides batches from the head of the line until the leader's own operation is done. */
    private void lead(Line line, Waiting own, Function<List<O>, List<Outcome<R>>> run) {
        while (!own.result.isDone()) {
            List<Waiting> batch = new ArrayList<>(maxBatch);
            for (Waiting next = line.queue.poll(); next != null; next = batch.size() < maxBatch ? line.queue.poll() : null) {
                if (next.state.compareAndSet(QUEUED, TAKEN)) {
                    batch.add(next);
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            decide(batch, run);
        }
    }

    private void decide(List<Waiting> batch, Function<List<O>, List<Outcome<R>>> run) {
        batches.record(batch.size());
        try {
            List<Outcome<R>> outcomes = run.apply(batch.stream().map(waiting -> waiting.operation).toList());
            if (outcomes.size() != batch.size()) {
                throw new IllegalStateException(outcomes.size() + " outcomes for " + batch.size() + " operations");
            }
            for (int i = 0; i < batch.size(); i++) {
                Outcome<R> outcome = outcomes.get(i);
                if (outcome.refusal() != null) {
                    batch.get(i).result.completeExceptionally(outcome.refusal());
                } else {
                    batch.get(i).result.complete(outcome.result());
                }
            }
        } catch (RuntimeException e) {
            batch.forEach(waiting -> waiting.result.completeExceptionally(e));
        } finally {
            batch.forEach(waiting -> waiting.wake.complete(null));
        }
    }

    /** Wakes the first still in line to lead, if nobody leads already. */
    private void handOver(Line line) {
        for (Waiting next : line.queue) {
            if (next.state.get() == QUEUED) {
                next.wake.complete(null);
                return;
            }
        }
    }

    private final class Line {
        final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
        final ReentrantLock leader = new ReentrantLock();
    }

    private final class Waiting {
        final O operation;
        final CompletableFuture<R> result = new CompletableFuture<>();
        final AtomicInteger state = new AtomicInteger(QUEUED);
        volatile CompletableFuture<Void> wake = new CompletableFuture<>();

        Waiting(O operation) {
            this.operation = operation;
        }

        R outcome() {
            try {
                return result.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw e;
            }
        }
    }
}

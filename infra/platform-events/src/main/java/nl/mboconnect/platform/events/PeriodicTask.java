package nl.mboconnect.platform.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Runs a piece of the platform's housekeeping at a fixed delay while the application runs. */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final boolean ownScheduler;
    private volatile ScheduledExecutorService scheduler;
    private final Duration interval;
    private final Runnable task;
    private volatile ScheduledFuture<?> scheduled;

    /** A task on a shared scheduler; it waits while another task on it runs. */
    public PeriodicTask(String name, ScheduledExecutorService scheduler, Duration interval, Runnable task) {
        this(name, scheduler, false, interval, task);
    }

    private PeriodicTask(String name, ScheduledExecutorService scheduler, boolean ownScheduler, Duration interval,
            Runnable task) {
        this.name = name;
        this.scheduler = scheduler;
        this.ownScheduler = ownScheduler;
        this.interval = interval;
        this.task = task;
    }

    /** A task on a thread of its own, so no other task (the outbox sweep waiting on Kafka, say) holds it up. */
    public static PeriodicTask onItsOwnThread(String name, Duration interval, Runnable task) {
        return new PeriodicTask(name, null, true, interval, task);
    }

    @Override
    public void start() {
        if (ownScheduler) { // made afresh at each start: a context stopped and started again gets a new one
            scheduler = Executors.newSingleThreadScheduledExecutor(
                    new CustomizableThreadFactory(name.replace(' ', '-') + "-"));
        }
        long millis = interval.toMillis();
        scheduled = scheduler.scheduleWithFixedDelay(this::runSafely, millis, millis,
                TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            task.run();
        } catch (RuntimeException e) {
            // an exception would cancel the schedule for good
            log.warn("{} failed; it runs again in {}", name, interval, e);
        }
    }

    @Override
    public void stop() {
        ScheduledFuture<?> current = scheduled;
        if (current != null) {
            current.cancel(false);
            scheduled = null;
        }
        if (ownScheduler) {
            scheduler.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduled != null;
    }
}

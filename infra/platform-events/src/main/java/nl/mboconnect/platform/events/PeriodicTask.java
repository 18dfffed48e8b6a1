package nl.mboconnect.platform.events;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs a piece of the platform's housekeeping at a fixed delay while the application runs. */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final Runnable task;
    private volatile ScheduledFuture<?> scheduled;

    public PeriodicTask(String name, ScheduledExecutorService scheduler, Duration interval, Runnable task) {
        this.name = name;
        this.scheduler = scheduler;
        this.interval = interval;
        this.task = task;
    }

    @Override
    public void start() {
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
    }

    @Override
    public boolean isRunning() {
        return scheduled != null;
    }
}

package nl.mboconnect.membership.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import nl.mboconnect.platform.events.PeriodicTask;

/**
 * Deletes callback requests {@link Callback#RETENTION 90 days} after they were closed, by date:
 * every {@code mbo.membership.callback-cleanup-interval} (an hour), so a request is gone within an
 * hour of its term, also when the service was down at the moment itself.
 */
@Component
class CallbackCleanup {

    private static final Logger log = LoggerFactory.getLogger(CallbackCleanup.class);

    private final CallbackStore store;
    private final Clock clock;

    CallbackCleanup(CallbackStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Deletes what was closed more than 90 days before {@code now}; how many. */
    long cleanUp(Instant now) {
        long deleted = store.deleteClosedBefore(now.minus(Callback.RETENTION));
        if (deleted > 0) {
            log.info("{} callback requests closed more than {} days ago deleted", deleted, Callback.RETENTION.toDays());
        }
        return deleted;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        PeriodicTask callbackCleanupSchedule(CallbackCleanup cleanup, Clock clock,
                @Value("${mbo.membership.callback-cleanup-interval:1h}") Duration interval) {
            return PeriodicTask.onItsOwnThread("callback cleanup", interval, () -> cleanup.cleanUp(clock.instant()));
        }
    }
}

package nl.mboconnect.platform.events.it;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;

/**
 * Stands in for a process killed right after its write: relay tasks are accepted and never run.
 * Deliberately not a {@code @Configuration}, so component scanning leaves it out of other tests.
 */
class RelayNeverRuns {

    @Bean(name = "outboxRelayExecutor")
    ExecutorService outboxRelayExecutor() {
        return new AbstractExecutorService() {
            private volatile boolean shutdown;

            @Override
            public void execute(Runnable command) {
                // dropped: the process is gone before it runs
            }

            @Override
            public void shutdown() {
                shutdown = true;
            }

            @Override
            public List<Runnable> shutdownNow() {
                shutdown = true;
                return List.of();
            }

            @Override
            public boolean isShutdown() {
                return shutdown;
            }

            @Override
            public boolean isTerminated() {
                return shutdown;
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) {
                return true;
            }
        };
    }
}

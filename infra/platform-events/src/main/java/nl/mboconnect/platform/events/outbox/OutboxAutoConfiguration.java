package nl.mboconnect.platform.events.outbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import nl.mboconnect.platform.events.Envelope;
import nl.mboconnect.platform.events.EventsAutoConfiguration;
import nl.mboconnect.platform.events.PeriodicTask;
import nl.mboconnect.platform.events.PlatformEventsProperties;
import nl.mboconnect.platform.events.aggregate.Aggregates;

@AutoConfiguration(after = EventsAutoConfiguration.class)
public class OutboxAutoConfiguration {

    /** Where the relay publishes right after a write; a bean so a test can stand in for a crash. */
    @Bean(name = "outboxRelayExecutor", destroyMethod = "shutdown")
    @ConditionalOnMissingBean(name = "outboxRelayExecutor")
    ExecutorService outboxRelayExecutor() {
        return Executors.newFixedThreadPool(2, new CustomizableThreadFactory("outbox-relay-"));
    }

    @Bean
    OutboxRelay outboxRelay(MongoDatabase database, KafkaTemplate<String, byte[]> kafka,
            @Qualifier("outboxRelayExecutor") ExecutorService executor, PlatformEventsProperties properties,
            MeterRegistry meters, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new OutboxRelay(database, kafka, executor, properties.sendTimeout(), meters,
                continueTrace(tracer, propagator));
    }

    @Bean
    OutboxSweeper outboxSweeper(MongoDatabase database, OutboxRelay relay, Clock clock,
            PlatformEventsProperties properties) {
        return new OutboxSweeper(database, relay, clock, properties.sweepMinimumAge());
    }

    @Bean
    Outbox outbox(PlatformEventsProperties properties, Clock clock, OutboxRelay relay, OutboxSweeper sweeper,
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        if (properties.source() == null || properties.source().isBlank()) {
            throw new IllegalStateException("mbo.events.source must name this service, e.g. /membership");
        }
        return new Outbox(properties.source(), EventsAutoConfiguration.EVENT_JSON, clock,
                currentTraceparent(tracer, propagator), relay, sweeper);
    }

    @Bean
    Aggregates aggregates(MongoDatabase database, Outbox outbox, PlatformEventsProperties properties,
            MeterRegistry meters) {
        return new Aggregates(database, outbox, properties.aggregateWait(), meters);
    }

    @Bean
    SmartLifecycle outboxSweeping(OutboxSweeper sweeper, ScheduledExecutorService platformEventsScheduler,
            PlatformEventsProperties properties) {
        return new PeriodicTask("outbox sweep", platformEventsScheduler, properties.sweepInterval(), () -> sweeper.sweep());
    }

    /** A span in the trace of the write, current until closed; nothing when there is no trace. */
    private static Function<String, OutboxRelay.TraceScope> continueTrace(ObjectProvider<Tracer> tracers,
            ObjectProvider<Propagator> propagators) {
        return traceparent -> {
            Tracer tracer = tracers.getIfAvailable();
            Propagator propagator = propagators.getIfAvailable();
            if (traceparent == null || tracer == null || propagator == null) {
                return () -> {
                };
            }
            Span span = propagator.extract(Map.of(Envelope.TRACEPARENT, traceparent), Map::get)
                    .name("outbox relay").start();
            Tracer.SpanInScope scope = tracer.withSpan(span);
            return () -> {
                scope.close();
                span.end();
            };
        };
    }

    /** The W3C traceparent of the span current at the write, so consumers continue that trace. */
    private static Supplier<String> currentTraceparent(ObjectProvider<Tracer> tracers,
            ObjectProvider<Propagator> propagators) {
        return () -> {
            Tracer tracer = tracers.getIfAvailable();
            Propagator propagator = propagators.getIfAvailable();
            Span span = tracer == null ? null : tracer.currentSpan();
            if (span == null || propagator == null) {
                return null;
            }
            Map<String, String> carrier = new HashMap<>();
            propagator.inject(span.context(), carrier, Map::put);
            return carrier.get(Envelope.TRACEPARENT);
        };
    }
}

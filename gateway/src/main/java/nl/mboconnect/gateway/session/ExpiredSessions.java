package nl.mboconnect.gateway.session;

import java.time.Duration;
import java.util.Date;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes expired sessions by their {@code expireAt}, every {@code interval}. The session store
 * itself only drops an expired session when someone presents its cookie again; the TTL index made
 * here does the same job on a real MongoDB (about once a minute), but the embedded MongoDB-wire
 * server accepts TTL indexes and never expires anything. Several replicas sweeping at once is
 * harmless.
 */
final class ExpiredSessions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSessions.class);
    private static final String EXPIRE_AT = "expireAt";

    private final ReactiveMongoOperations mongo;
    private final String collection;
    private final Duration interval;
    private final Mono<String> index;
    private volatile Disposable sweeping;

    ExpiredSessions(ReactiveMongoOperations mongo, String collection, Duration interval) {
        this.mongo = mongo;
        this.collection = collection;
        this.interval = interval;
        // made once it has worked; until then, tried again at each sweep (MongoDB may start after us)
        this.index = Mono.defer(() -> mongo.indexOps(collection)
                        .createIndex(new Index().on(EXPIRE_AT, Sort.Direction.ASC).named(EXPIRE_AT).expire(Duration.ZERO)))
                .cache(value -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** Deletes every session whose time is up; how many it deleted. */
    Mono<Long> sweep() {
        return index.then(mongo.remove(Query.query(Criteria.where(EXPIRE_AT).lt(new Date())), collection))
                .map(result -> result.getDeletedCount());
    }

    @Override
    public void start() {
        sweeping = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> sweep()
                        .doOnNext(deleted -> {
                            if (deleted > 0) {
                                log.debug("deleted {} expired sessions", deleted);
                            }
                        })
                        .onErrorResume(error -> {
                            log.warn("expired sessions not deleted, trying again in {}: {}", interval, error.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = sweeping;
        if (current != null) {
            current.dispose();
            sweeping = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sweeping != null;
    }
}

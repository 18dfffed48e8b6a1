package nl.mboconnect.gateway.session;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

import reactor.core.publisher.Mono;

/**
 * Whether the session store answers, by {@code ping}: Boot's MongoDB indicator sends {@code hello},
 * which the embedded MongoDB-wire server lacks. Part of readiness: without its sessions the gateway
 * can sign nobody in.
 */
final class SessionStoreHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoOperations mongo;

    SessionStoreHealthIndicator(ReactiveMongoOperations mongo) {
        super("session store does not answer");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1)).map(answer -> builder.up().build());
    }
}

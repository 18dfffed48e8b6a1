package nl.mboconnect.gateway.session;

import java.time.Duration;

import org.mongodb.spring.session.MongoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.session.ReactiveSessionRepository;

import reactor.core.publisher.Mono;

/**
 * Gives each session the lifetime of what it holds: a signed-in member's session the normal
 * timeout, any other (in practice: a login that was started and not finished) a short one, so a
 * visitor who only clicked "Inloggen" does not hold a document for half an hour.
 */
final class SessionLifetimes implements ReactiveSessionRepository<MongoSession> {

    private static final Logger log = LoggerFactory.getLogger(SessionLifetimes.class);

    private final ReactiveSessionRepository<MongoSession> store;
    private final Duration signedIn;
    private final Duration loginOnly;

    SessionLifetimes(ReactiveSessionRepository<MongoSession> store, Duration signedIn, Duration loginOnly) {
        this.store = store;
        this.signedIn = signedIn;
        this.loginOnly = loginOnly;
    }

    @Override
    public Mono<MongoSession> createSession() {
        return store.createSession().doOnNext(this::fitLifetime);
    }

    @Override
    public Mono<Void> save(MongoSession session) {
        fitLifetime(session);
        return store.save(session);
    }

    /**
     * A stored session that cannot be read back (written by another version, say) is dropped, and
     * its member signs in again; the store alone would answer every request with that cookie 500.
     */
    @Override
    public Mono<MongoSession> findById(String id) {
        return store.findById(id).onErrorResume(unreadable -> {
            log.warn("a stored session could not be read and is dropped: {}", unreadable.toString());
            return store.deleteById(id).onErrorResume(alsoUnreadable -> Mono.empty()).then(Mono.empty());
        });
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return store.deleteById(id);
    }

    private void fitLifetime(MongoSession session) {
        boolean member = session.getAttribute(
                WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME) != null;
        Duration lifetime = member ? signedIn : loginOnly;
        if (!lifetime.equals(session.getMaxInactiveInterval())) {
            session.setMaxInactiveInterval(lifetime);
            // MongoSession computes its expireAt only when the access time is set
            session.setLastAccessedTime(session.getLastAccessedTime());
        }
    }
}

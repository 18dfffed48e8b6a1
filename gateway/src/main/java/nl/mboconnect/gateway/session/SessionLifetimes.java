package nl.mboconnect.gateway.session;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;

import reactor.core.publisher.Mono;

/**
 * Gives each session the lifetime of what it holds: a signed-in member's session the normal
 * timeout, any other (in practice: a login that was started and not finished) a short one, so a
 * visitor who only clicked "Inloggen" does not hold a document for half an hour.
 */
final class SessionLifetimes<S extends Session> implements ReactiveSessionRepository<S> {

    private static final Logger log = LoggerFactory.getLogger(SessionLifetimes.class);

    private final ReactiveSessionRepository<S> store;
    private final Duration signedIn;
    private final Duration loginOnly;

    SessionLifetimes(ReactiveSessionRepository<S> store, Duration signedIn, Duration loginOnly) {
        this.store = store;
        this.signedIn = signedIn;
        this.loginOnly = loginOnly;
    }

    @Override
    public Mono<S> createSession() {
        return store.createSession().doOnNext(this::fitLifetime);
    }

    @Override
    public Mono<Void> save(S session) {
        fitLifetime(session);
        return store.save(session);
    }

    /**
     * A stored session that cannot be read back (written by another version, say) is dropped, and
     * its member signs in again; the store alone would answer every request with that cookie 500.
     */
    @Override
    public Mono<S> findById(String id) {
        return store.findById(id).onErrorResume(unreadable -> {
            log.warn("a stored session could not be read and is dropped: {}", unreadable.toString());
            return store.deleteById(id).onErrorResume(alsoUnreadable -> Mono.empty()).then(Mono.empty());
        });
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return store.deleteById(id);
    }

    private void fitLifetime(S session) {
        boolean member = session.getAttribute(
                WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME) != null;
        Duration lifetime = member ? signedIn : loginOnly;
        if (!lifetime.equals(session.getMaxInactiveInterval())) {
            session.setMaxInactiveInterval(lifetime);
            // MongoSession computes its expireAt only when the access time is set; harmless elsewhere
            session.setLastAccessedTime(session.getLastAccessedTime());
        }
    }
}

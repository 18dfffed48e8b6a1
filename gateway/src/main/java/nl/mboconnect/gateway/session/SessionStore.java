package nl.mboconnect.gateway.session;

import java.time.Duration;

import org.mongodb.spring.session.JacksonMongoSessionConverter;
import org.mongodb.spring.session.ReactiveMongoSessionRepository;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.session.web.server.session.SpringSessionWebSessionStore;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;

/**
 * Sessions, and with them the members' tokens, live in MongoDB (collection {@value #COLLECTION} of
 * the database in {@code spring.mongodb.uri}), not in this process: a restart signs nobody out,
 * replicas share them, and there is no in-memory limit that a flood of login starts can fill.
 *
 * <p>Wired by hand rather than with {@code @EnableMongoWebSession}, so the store can give each
 * session its lifetime ({@link SessionLifetimes}) and the timeout comes from Boot's
 * {@code server.reactive.session.timeout}. The cookie is Boot's ({@code server.reactive.session.cookie.*}).
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    static final String COLLECTION = "sessions";

    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager(ReactiveMongoOperations mongo, WebSessionIdResolver cookies,
            ServerProperties server, SessionProperties sessions, ApplicationEventPublisher events) {
        Duration signedIn = server.getReactive().getSession().getTimeout();
        ReactiveMongoSessionRepository store = new ReactiveMongoSessionRepository(mongo);
        store.setCollectionName(COLLECTION);
        store.setDefaultMaxInactiveInterval(signedIn);
        // readable documents that survive a Spring Security upgrade, unlike Java serialization
        store.setMongoSessionConverter(new JacksonMongoSessionConverter());
        store.setApplicationEventPublisher(events);

        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionStore(new SpringSessionWebSessionStore<>(
                new SessionLifetimes<>(store, signedIn, sessions.loginTimeout())));
        manager.setSessionIdResolver(cookies);
        return manager;
    }

    @Bean
    ExpiredSessions expiredSessions(ReactiveMongoOperations mongo, SessionProperties sessions) {
        return new ExpiredSessions(mongo, COLLECTION, sessions.sweepInterval());
    }

    @Bean
    SessionStoreHealthIndicator sessionStoreHealthIndicator(ReactiveMongoOperations mongo) {
        return new SessionStoreHealthIndicator(mongo);
    }
}

package nl.mboconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.mboconnect.gateway.testsupport.SessionDocuments;
import nl.mboconnect.gateway.testsupport.Visitor;
import nl.mboconnect.platform.testing.TestInfrastructure;

/** Sessions as documents in a real MongoDB-wire server: which requests make one, how long it lives, who removes it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mbo.gateway.session.sweep-interval=200ms")
class SessionStoreTest {

    static final String DATABASE = TestInfrastructure.mongoUri("gateway-session-store-test");
    static final FakeDownstream services;

    static {
        try {
            services = new FakeDownstream(0, 0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> 0);
        registry.add("spring.mongodb.uri", () -> DATABASE);
        registry.add("mbo.keycloak.url", () -> "http://localhost:" + services.port(1));
        for (String service : new String[] { "membership", "knowledge", "events", "polls" }) {
            registry.add("mbo.services." + service, () -> "http://localhost:" + services.port(0));
        }
    }

    @LocalServerPort
    int port;

    SessionDocuments sessions;

    @BeforeEach
    void emptyStore() {
        sessions = new SessionDocuments(DATABASE);
        sessions.deleteAll();
    }

    @AfterEach
    void close() {
        sessions.close();
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    void lookingAroundLeavesNoSessionAndStartingToSignInLeavesOneForTenMinutes() {
        Visitor visitor = new Visitor();
        String site = "http://localhost:" + port;
        for (String path : new String[] { "/", "/agenda", "/bff/session", "/api/events/agenda", "/js/app.js" }) {
            assertThat(visitor.get(site + path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(visitor.cookie("localhost", "MBO_SESSION")).isNull();
        assertThat(sessions.count()).isZero();

        assertThat(visitor.get(site + "/oauth2/authorization/keycloak").statusCode()).isEqualTo(302);
        String id = visitor.cookie("localhost", "MBO_SESSION");
        assertThat(id).isNotNull();
        assertThat(sessions.count()).isEqualTo(1);
        assertThat(sessions.expiresAt(id)).isCloseTo(Instant.now().plus(Duration.ofMinutes(10)), within(15, ChronoUnit.SECONDS));
    }

    @Test
    void expiredSessionsAreDeletedOnScheduleWithoutAnyoneAskingForThem() {
        sessions.insert("expired", Instant.now().minusSeconds(1));
        sessions.insert("current", Instant.now().plus(Duration.ofHours(1)));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !sessions.exists("expired"));
        assertThat(sessions.exists("current")).isTrue();
    }

    @Test
    void aStoredSessionThatCannotBeReadBackIsDroppedAndItsVisitorIsSignedOutNotRefused() {
        sessions.insertUnreadable("from-another-version");
        var answer = new Visitor().get("http://localhost:" + port + "/bff/session",
                java.util.Map.of("Cookie", "MBO_SESSION=from-another-version"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"authenticated\":false");
        assertThat(sessions.exists("from-another-version")).isFalse();
    }

    @Test
    void aSessionCookieTheStoreDoesNotKnowIsNoSessionAndNoError() {
        Visitor visitor = new Visitor();
        var answer = visitor.get("http://localhost:" + port + "/bff/session",
                java.util.Map.of("Cookie", "MBO_SESSION=no-such-session"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"authenticated\":false");
        assertThat(visitor.get("http://localhost:" + port + "/api/events/agenda",
                java.util.Map.of("Cookie", "MBO_SESSION=%00%ff")).statusCode()).isEqualTo(200);
    }
}

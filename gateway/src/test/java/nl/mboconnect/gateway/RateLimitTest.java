package nl.mboconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.mboconnect.gateway.testsupport.SessionDocuments;
import nl.mboconnect.gateway.testsupport.Visitor;
import nl.mboconnect.platform.testing.FreePorts;
import nl.mboconnect.platform.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits per client address, with small limits so a few requests reach them. Each test sends from
 * its own loopback address (Linux routes all of 127.0.0.0/8 to the loopback), so each is a client of
 * its own, as people behind different addresses are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "mbo.gateway.rate-limit.login.capacity=3", "mbo.gateway.rate-limit.login.period=1h",
        "mbo.gateway.rate-limit.anonymous-writes.capacity=2", "mbo.gateway.rate-limit.anonymous-writes.period=1h" })
class RateLimitTest {

    static final int PORT = FreePorts.find();
    static final String SITE = "http://127.0.0.1:" + PORT;
    static final String DATABASE = TestInfrastructure.mongoUri("gateway-rate-limit-test");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final FakeDownstream services;
    static final FakeDownstream keycloak;

    static {
        try {
            services = new FakeDownstream(0, 0, 0, 0);
            keycloak = new FakeDownstream(0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> 0);
        registry.add("spring.mongodb.uri", () -> DATABASE);
        registry.add("mbo.keycloak.url", () -> "http://localhost:" + keycloak.port(0));
        for (String service : new String[] { "membership", "knowledge", "events", "polls" }) {
            registry.add("mbo.services." + service, () -> "http://localhost:" + services.port(0));
        }
    }

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
        keycloak.close();
    }

    @Test
    void pastItsLimitAnAddressGets429AsAProblemWithRetryAfterAndNoSession() {
        InetAddress client = loopback(21);
        for (int i = 0; i < 3; i++) {
            assertThat(new Visitor(client).get(SITE + "/oauth2/authorization/keycloak").statusCode()).isEqualTo(302);
        }
        assertThat(sessions.count()).isEqualTo(3);

        HttpResponse<String> refused = new Visitor(client).get(SITE + "/oauth2/authorization/keycloak?lang=en");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 1200L);
        assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("MBO_SESSION="));
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://mboconnect.nl/problems/too-many-requests");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asString()).isEqualTo("Too many requests");
        assertThat(sessions.count()).isEqualTo(3);
    }

    @Test
    void anAddressThatReachedItsLimitHoldsUpNoOtherAddress() {
        for (int i = 0; i < 4; i++) {
            new Visitor(loopback(22)).get(SITE + "/oauth2/authorization/keycloak");
        }
        assertThat(new Visitor(loopback(22)).get(SITE + "/oauth2/authorization/keycloak").statusCode()).isEqualTo(429);
        assertThat(new Visitor(loopback(23)).get(SITE + "/oauth2/authorization/keycloak").statusCode()).isEqualTo(302);
    }

    @Test
    void anonymousWritesArePacedWhileReadsAndPagesAreNot() {
        Visitor visitor = new Visitor(loopback(24));
        assertThat(visitor.get(SITE + "/").statusCode()).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            assertThat(visitor.write("POST", SITE + "/api/membership/callbacks", "{}").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = visitor.write("PUT", SITE + "/api/membership/callbacks/1", "{}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(refused.body()).get("type").asString())
                .isEqualTo("https://mboconnect.nl/problems/too-many-requests");
        // without the CSRF token too: the limit comes first
        visitor.forget("127.0.0.1", "XSRF-TOKEN");
        assertThat(visitor.write("DELETE", SITE + "/api/membership/callbacks/1", "{}").statusCode()).isEqualTo(429);
        // a token that does not check out counts as none, on the way without a session too
        Visitor script = new Visitor(loopback(24));
        assertThat(script.write("POST", SITE + "/api/membership/callbacks", "{}",
                Map.of("Authorization", "Bearer not-a-token")).statusCode()).isEqualTo(429);

        assertThat(visitor.get(SITE + "/api/events/agenda").statusCode()).isEqualTo(200);
        assertThat(visitor.get(SITE + "/agenda").statusCode()).isEqualTo(200);
        assertThat(visitor.get(SITE + "/bff/session").statusCode()).isEqualTo(200);
    }

    static InetAddress loopback(int last) {
        try {
            return InetAddress.getByName("127.0.0." + last);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

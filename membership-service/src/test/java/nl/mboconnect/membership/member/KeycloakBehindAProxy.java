package nl.mboconnect.membership.member;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.mboconnect.platform.testing.KeycloakAdmin;
import nl.mboconnect.platform.testing.TcpProxy;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;

/**
 * For a test of what the service does through Keycloak's Admin API, with Keycloak away for a
 * while: the service reaches the real test Keycloak through a {@link TcpProxy} the test cuts
 * ({@code TO_KEYCLOAK.cut()}) and restores (after each test at the latest). One proxy for the test
 * JVM, shared by every such test class (their contexts may be cached and still use it).
 */
abstract class KeycloakBehindAProxy {

    static final TestInfrastructure.Keycloak KEYCLOAK = TestInfrastructure.keycloak();
    static final TcpProxy TO_KEYCLOAK = TcpProxy.to("127.0.0.1", URI.create(KEYCLOAK.url()).getPort());
    static final KeycloakAdmin ADMIN = new KeycloakAdmin(KEYCLOAK.url());

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry properties) {
        properties.add("mbo.keycloak.url", () -> "http://127.0.0.1:" + TO_KEYCLOAK.port());
    }

    @AfterEach
    void keycloakBack() {
        TO_KEYCLOAK.restore();
    }

    /** A friend with an account in Keycloak, and a token in their name with its id. */
    static TestTokens.Builder keycloakMember(String username) {
        ADMIN.addMembers(List.of(username), "wachtwoord-" + UUID.randomUUID(), List.of("vriend"));
        return TestTokens.member(username, "vriend").subject(ADMIN.userId(username));
    }
}

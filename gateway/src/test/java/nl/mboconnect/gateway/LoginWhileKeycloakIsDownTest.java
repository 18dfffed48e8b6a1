package nl.mboconnect.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import nl.mboconnect.platform.testing.TestInfrastructure;

import nl.mboconnect.gateway.testsupport.Ports;

/** The gateway starts before Keycloak does (the local run starts them side by side). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mbo.keycloak.url=http://localhost:${test.closed-port}")
class LoginWhileKeycloakIsDownTest {

    static {
        System.setProperty("test.closed-port", String.valueOf(Ports.closed()));
    }

    @DynamicPropertySource
    static void sessionStore(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("gateway-keycloak-down-test"));
        registry.add("management.server.port", () -> 0);
    }

    @LocalServerPort
    int port;

    @Test
    void theSiteWorksAndSigningInSaysNotYetInsteadOfFailing() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

        http.get().uri("/").exchange().expectStatus().isOk();
        http.get().uri("/bff/session").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.authenticated").isEqualTo(false);
        http.get().uri("/oauth2/authorization/keycloak").exchange().expectStatus().isEqualTo(503);
    }
}

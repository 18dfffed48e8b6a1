package nl.mboconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.mboconnect.local.LocalPlatform;
import nl.mboconnect.platform.testing.KeycloakAdmin;
import nl.mboconnect.platform.testing.TestTokens;

/** Who gets in, checked against the real Keycloak's tokens, through the gateway and past it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiSecurityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> PROTECTED = List.of("/api/membership/members/me",
            "/api/knowledge/members/someone", "/api/events/members/someone", "/api/polls/members/someone");

    LocalPlatform platform;
    KeycloakAdmin keycloak;
    String partnerToken;

    @BeforeAll
    void start() {
        platform = RunningPlatform.get();
        keycloak = new KeycloakAdmin(platform.keycloakUrl());
        partnerToken = keycloak.clientToken("partner-demo-roc", "local-only-partner-secret-not-for-production");
    }

    @Test
    void anApiCallWithoutASessionGets401NotALoginPage() {
        assertThat(status(platform.siteUrl() + "/api/membership/members/me", null)).isEqualTo(401);
        HttpRequest asPage = HttpRequest.newBuilder(URI.create(platform.siteUrl() + "/api/membership/members/me"))
                .header("Accept", "text/html").header("Sec-Fetch-Mode", "navigate").build();
        assertThat(send(asPage).statusCode()).isEqualTo(401);
    }

    @Test
    void aRealKeycloakTokenIsCheckedAndItsRolesDecide() {
        // a partner's service account: a valid token for the API's audience, but not a member
        for (String path : PROTECTED) {
            assertThat(status(serviceUrl(path) + path, partnerToken)).as(path).isEqualTo(403);
        }
    }

    @Test
    void aForgedTokenSentStraightToAServiceGets401() {
        String[] parts = partnerToken.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"partner\"", "\"beheerder\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String foreign = TestTokens.member("pieter", "vriend", "beheerder").issuer(keycloak.issuer()).token();

        for (String path : PROTECTED) {
            assertThat(status(serviceUrl(path) + path, tampered)).as("tampered " + path).isEqualTo(401);
            assertThat(status(serviceUrl(path) + path, foreign)).as("foreign key " + path).isEqualTo(401);
        }
    }

    @Test
    void aMembersOwnKeycloakTokenSentStraightToAServiceIsTakenAndOnceExpiredRefused() {
        // the positive control: what the others refuse, a member's real token opens
        String token = keycloak.memberToken("joris", "mboconnect", Duration.ofSeconds(5));
        HttpResponse<String> me = send(HttpRequest.newBuilder(URI.create(platform.serviceUrl("membership")
                + "/api/membership/members/me")).header("Authorization", "Bearer " + token).build());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"joris\"", "lid");
        String events = platform.serviceUrl("events") + "/api/events/registrations";
        assertThat(status(events, token)).isEqualTo(200);

        // the same token, signed by Keycloak and unchanged, once its time is up (and the services'
        // minute of allowed clock difference has passed too): expiry alone refuses it
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(5))
                .until(() -> status(events, token) == 401);
        assertThat(status(platform.serviceUrl("membership") + "/api/membership/members/me", token)).isEqualTo(401);
    }

    @Test
    void writesThroughTheGatewayWithAMembersOwnTokenAreNotPacedAsAnonymousOnesAreButAForgedTokenIs() throws Exception {
        // a client of its own (Linux routes 127.0.0.0/8 to the loopback), so its limit is nobody else's
        HttpClient client = HttpClient.newBuilder().localAddress(java.net.InetAddress.getByName("127.0.0.77")).build();
        String token = keycloak.memberToken("joris", "mboconnect", Duration.ofMinutes(5));
        String forged = TestTokens.member("joris", "vriend", "lid").issuer(keycloak.issuer()).token();
        String write = "http://127.0.0.1:" + URI.create(platform.siteUrl()).getPort()
                + "/api/events/events/bestaat-niet/registration";
        java.util.function.Function<String, Integer> register = bearer -> {
            try {
                return client.send(HttpRequest.newBuilder(URI.create(write)).header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        // past the anonymous limit (30 a minute) with the real token: the service answers every one
        for (int i = 0; i < 40; i++) {
            assertThat(register.apply(token)).as("write %d with a real token", i).isEqualTo(404);
        }
        // the same with a token Keycloak never signed: anonymous, so paced (and the service would refuse it)
        List<Integer> statuses = java.util.stream.IntStream.range(0, 40).mapToObj(i -> register.apply(forged)).toList();
        assertThat(statuses).contains(429).doesNotContain(404, 200, 201);
    }

    @Test
    void aTokenForAnotherAudienceGets401() {
        String membershipServiceAccount = keycloak.clientToken("membership-service",
                "local-only-membership-secret-not-for-production");
        assertThat(status(platform.serviceUrl("membership") + "/api/membership/members/me", membershipServiceAccount))
                .isEqualTo(401);
    }

    @Test
    void theGatewaysMetricsAreForTheScraperOnItsOperationsPortNotOnTheSite() {
        assertThat(status(platform.siteUrl() + "/actuator/prometheus", null)).isEqualTo(404);
        assertThat(status(platform.siteUrl() + "/actuator/health/readiness", null)).isEqualTo(404);
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(
                URI.create(platform.operationsUrl("gateway") + "/actuator/prometheus")).build());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"gateway\"");
        assertThat(status(platform.operationsUrl("gateway") + "/actuator/health/readiness", null)).isEqualTo(200);
    }

    private String serviceUrl(String path) {
        return platform.serviceUrl(path.split("/")[2]);
    }

    private static int status(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build()).statusCode();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

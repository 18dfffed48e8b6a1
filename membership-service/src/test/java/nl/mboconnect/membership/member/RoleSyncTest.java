package nl.mboconnect.membership.member;

import static nl.mboconnect.platform.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.platform.domain.Roles;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TcpProxy;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;

/**
 * The lid role in a real Keycloak, given and taken by the service's own account through the
 * Admin API, with Keycloak taken away for a while in between: the approval waits as
 * {@code GRANTING} and the sweep carries it out once Keycloak is back. The service reaches
 * Keycloak through a {@link TcpProxy} the test cuts and restores; it has a database of its own, so
 * no other test's waiting decisions are swept here.
 */
@ServiceTest
@TestPropertySource(properties = {"mbo.test.database=membership-role-sync", "mbo.membership.role-sync-interval=300ms"})
class RoleSyncTest extends KeycloakBehindAProxy {

    @LocalServerPort
    int port;

    private RestTestClient http;
    private final TestTokens.Builder pieter = TestTokens.member("beheerder-" + UUID.randomUUID(), "vriend", "beheerder");

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void anApprovalWhileKeycloakIsAwayIsCarriedOutOnceItIsBackAndAnEndTakesTheRoleAway() {
        TestTokens.Builder sanne = keycloakMember("sanne-" + UUID.randomUUID());
        String applicationId = applicationId(sanne);

        try (TopicReader topic = TopicReader.fromNow(TestInfrastructure.kafka().bootstrapServers(), MemberEvents.TOPIC)) {
            TO_KEYCLOAK.cut();
            decide(applicationId).expectStatus().isOk().expectBody().jsonPath("$.membership.status").isEqualTo("GRANTING");
            assertThat(ADMIN.realmRoles(sanne.subjectId())).doesNotContain(Roles.LID);
            assertThat(statusOf(sanne)).isEqualTo("GRANTING");

            TO_KEYCLOAK.restore();
            await().atMost(Duration.ofSeconds(20)).until(() -> "LID".equals(statusOf(sanne)));
            assertThat(ADMIN.realmRoles(sanne.subjectId())).contains(Roles.LID);
            topic.await(r -> sanne.subjectId().equals(r.key())
                    && MembershipEvents.GRANTED.type().equals(header(r, "ce_type")), Duration.ofSeconds(10));

            // Keycloak is there: an end is carried out at once
            http.post().uri("/api/membership/members/" + sanne.subjectId() + "/membership/end")
                    .header(HttpHeaders.AUTHORIZATION, pieter.bearer()).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("reason", "Opgezegd per 1 januari.")).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.membership.status").isEqualTo("VRIEND");
            assertThat(ADMIN.realmRoles(sanne.subjectId())).doesNotContain(Roles.LID);
            topic.await(r -> sanne.subjectId().equals(r.key())
                    && MembershipEvents.ENDED.type().equals(header(r, "ce_type")), Duration.ofSeconds(10));
        }
        http.get().uri("/api/membership/members/" + sanne.subjectId() + "/membership")
                .header(HttpHeaders.AUTHORIZATION, pieter.bearer()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.membership.history[*].kind").isEqualTo(List.of("APPLIED", "APPROVED", "GRANTED", "ENDING", "ENDED"));
    }

    @Test
    void anApprovalForAnAccountKeycloakNoLongerHasLapses() {
        var gone = TestTokens.member("weg-" + UUID.randomUUID(), "vriend"); // never had a Keycloak account
        decide(applicationId(gone)).expectStatus().isOk().expectBody()
                .jsonPath("$.membership.status").isEqualTo("VRIEND");
        http.get().uri("/api/membership/members/me/membership").header(HttpHeaders.AUTHORIZATION, gone.bearer())
                .exchange().expectBody().jsonPath("$.status").isEqualTo("VRIEND")
                .jsonPath("$.history[2].kind").isEqualTo("NOT_GRANTED")
                .jsonPath("$.mayApply").isEqualTo(true);
    }

    // --- helpers ---------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private String applicationId(TestTokens.Builder member) {
        Map<String, Object> applied = http.post().uri("/api/membership/members/me/membership/application")
                .header(HttpHeaders.AUTHORIZATION, member.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("motivation", "Ik wil stemmen.", "organisation", "ROC Test")).exchange()
                .expectStatus().isCreated().returnResult(Map.class).getResponseBody();
        return (String) ((Map<String, Object>) applied.get("application")).get("id");
    }

    private RestTestClient.ResponseSpec decide(String applicationId) {
        return http.post().uri("/api/membership/applications/" + applicationId + "/approval")
                .header(HttpHeaders.AUTHORIZATION, pieter.bearer()).exchange();
    }

    @SuppressWarnings("unchecked")
    private String statusOf(TestTokens.Builder member) {
        Map<String, Object> standing = http.get().uri("/api/membership/members/" + member.subjectId() + "/membership")
                .header(HttpHeaders.AUTHORIZATION, pieter.bearer()).exchange().expectStatus().isOk()
                .returnResult(Map.class).getResponseBody();
        return (String) ((Map<String, Object>) standing.get("membership")).get("status");
    }
}

package nl.mboconnect.membership.member;

import static nl.mboconnect.platform.testing.TopicReader.header;
import static nl.mboconnect.platform.testing.TopicReader.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;

/**
 * Applying to become lid, rejections, one open application whatever the concurrency, and a role
 * given or taken in the Keycloak console: over HTTP, stored for real. Keycloak is unreachable for
 * this service here, so an approval stays "wordt verwerkt" ({@code GRANTING}); {@link RoleSyncTest}
 * has a real Keycloak.
 */
@ServiceTest
class MembershipResourceTest {

    private static final String MINE = "/api/membership/members/me/membership";
    private static final String APPLICATION = MINE + "/application";

    @LocalServerPort
    int port;

    private RestTestClient http;
    private final TestTokens.Builder pieter = TestTokens.member("beheerder-" + UUID.randomUUID(), "vriend", "beheerder");

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aFriendAppliesOnceAndTheApplicationIsPublishedWithoutItsMotivation() {
        var sanne = TestTokens.member("sanne-" + UUID.randomUUID(), "vriend");
        try (TopicReader topic = TopicReader.fromNow(TestInfrastructure.kafka().bootstrapServers(), MemberEvents.TOPIC)) {
            apply(sanne, "Ik wil meepraten over de koers.", "ROC Aan de Amstel").expectStatus().isCreated()
                    .expectBody().jsonPath("$.status").isEqualTo("APPLIED")
                    .jsonPath("$.application.motivation").isEqualTo("Ik wil meepraten over de koers.")
                    .jsonPath("$.application.organisation").isEqualTo("ROC Aan de Amstel")
                    .jsonPath("$.history[0].kind").isEqualTo("APPLIED")
                    .jsonPath("$.mayApply").isEqualTo(false);
            apply(sanne, "Nog een keer.", "ROC").expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/application-open");

            var applied = topic.await(r -> sanne.subjectId().equals(r.key())
                    && MembershipEvents.APPLIED.type().equals(header(r, "ce_type")), Duration.ofSeconds(10));
            assertThat(value(applied)).doesNotContain("koers").contains(sanne.subjectId());
        }
        assertThat(openApplicationsOf(sanne)).isEqualTo(1);
    }

    @Test
    void anIncompleteOrTooLongApplicationIsRefusedByFieldAndNothingIsStored() {
        var fleur = TestTokens.member("fleur-" + UUID.randomUUID(), "vriend");
        apply(fleur, "  ", "x".repeat(121)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.errors[?(@.field == 'motivation')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'organisation')].code").isEqualTo("too-long");
        apply(fleur, "x".repeat(2001), "ROC").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("motivation");
        http.post().uri(APPLICATION).header(HttpHeaders.AUTHORIZATION, fleur.bearer())
                .contentType(MediaType.APPLICATION_JSON).body("{\"motivation\": ").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        mine(fleur).expectBody().jsonPath("$.status").isEqualTo("VRIEND").jsonPath("$.history").isEmpty();
    }

    @Test
    void twoHundredApplicationsAtOnceFromOneMemberLeaveExactlyOne() throws Exception {
        var lotte = TestTokens.member("lotte-" + UUID.randomUUID(), "vriend");
        String token = lotte.bearer();
        mine(lotte).expectStatus().isOk();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<Integer>> applications = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String motivation = "Aanvraag " + i;
            applications.add(() -> http.post().uri(APPLICATION).header(HttpHeaders.AUTHORIZATION, token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("motivation", motivation, "organisation", "ROC Midden")).exchange()
                    .returnResult(String.class).getStatus().value());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(applications)) {
            statuses.add(status.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(199);
        assertThat(openApplicationsOf(lotte)).isEqualTo(1);
        mine(lotte).expectBody().jsonPath("$.history.length()").isEqualTo(1);
    }

    @Test
    void aRejectionSaysWhyAndTheMemberMayApplyAgain() {
        var ruben = TestTokens.member("ruben-" + UUID.randomUUID(), "vriend");
        String id = applicationId(ruben);
        decide(id, "rejection", Map.of()).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("reason").jsonPath("$.errors[0].code").isEqualTo("required");
        decide(id, "rejection", Map.of("reason", "Je werkt niet in het mbo.")).expectStatus().isOk();
        decide(id, "approval", Map.of()).expectStatus().isNotFound(); // decided: it is no longer open

        mine(ruben).expectBody().jsonPath("$.status").isEqualTo("VRIEND")
                .jsonPath("$.rejection.reason").isEqualTo("Je werkt niet in het mbo.")
                .jsonPath("$.history[1].kind").isEqualTo("REJECTED")
                .jsonPath("$.history[1].by").exists()
                .jsonPath("$.mayApply").isEqualTo(true);
        apply(ruben, "Inmiddels wel.", "ROC Flevoland").expectStatus().isCreated();
    }

    @Test
    void anApprovalWhileKeycloakIsAwayIsKeptAsBeingProcessed() {
        String elineName = "eline-" + UUID.randomUUID();
        var eline = TestTokens.member(elineName, "vriend");
        String id = applicationId(eline);
        decide(id, "approval", null).expectStatus().isOk().expectBody()
                .jsonPath("$.membership.status").isEqualTo("GRANTING");

        mine(eline).expectBody().jsonPath("$.status").isEqualTo("GRANTING")
                .jsonPath("$.history[1].kind").isEqualTo("APPROVED");
        http.get().uri("/api/membership/applications").header(HttpHeaders.AUTHORIZATION, pieter.bearer()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.open[?(@.memberId == '" + eline.subjectId() + "')]").isEmpty()
                .jsonPath("$.waitingForKeycloak[?(@.memberId == '" + eline.subjectId() + "')].membership.status")
                .isEqualTo("GRANTING");
        // a newer token without lid proves nothing while Keycloak has still to act
        mine(TestTokens.member(elineName, "vriend").subject(eline.subjectId()))
                .expectBody().jsonPath("$.status").isEqualTo("GRANTING");
        apply(eline, "Nog een keer", "ROC").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/being-processed");
    }

    @Test
    void aBeheerderDoesNotDecideOnTheirOwnApplicationAndUnknownOnesAreNotFound() {
        var noor = TestTokens.member("noor-" + UUID.randomUUID(), "vriend", "beheerder");
        String own = applicationId(noor);
        http.post().uri("/api/membership/applications/" + own + "/approval").header(HttpHeaders.AUTHORIZATION, noor.bearer())
                .exchange().expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/own-application");
        decide("no-such-application", "approval", null).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/membership/members/" + UUID.randomUUID() + "/membership/end")
                .header(HttpHeaders.AUTHORIZATION, pieter.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "x")).exchange().expectStatus().isNotFound();
        http.get().uri("/api/membership/memberships?status=NOT_A_STATUS").header(HttpHeaders.AUTHORIZATION, pieter.bearer())
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void aRoleGivenOrTakenInTheConsoleIsTakenOverFromANewerTokenOnly() {
        Instant before = Instant.now().minusSeconds(60);
        String thijsName = "thijs-" + UUID.randomUUID();
        var thijs = TestTokens.member(thijsName, "vriend");
        mine(thijs).expectBody().jsonPath("$.status").isEqualTo("VRIEND");
        // an old token with lid proves nothing; a new one does
        mine(TestTokens.member(thijsName, "vriend", "lid").subject(thijs.subjectId()).issuedAt(before))
                .expectBody().jsonPath("$.status").isEqualTo("VRIEND");
        mine(TestTokens.member(thijsName, "vriend", "lid").subject(thijs.subjectId()).issuedAt(Instant.now().plusSeconds(2)))
                .expectBody().jsonPath("$.status").isEqualTo("LID")
                .jsonPath("$.history[0].kind").isEqualTo("FOUND_GRANTED");
        // the token of before the change is outdated: the gateway is told to fetch a new one
        mine(thijs).expectHeader().valueEquals(SignIns.ROLES_CHANGED, "true");
        mine(TestTokens.member(thijsName, "vriend").subject(thijs.subjectId()).issuedAt(Instant.now().plusSeconds(4)))
                .expectBody().jsonPath("$.status").isEqualTo("VRIEND")
                .jsonPath("$.history[1].kind").isEqualTo("FOUND_ENDED");
    }

    @Test
    void endingNeedsAReasonAndALid() {
        var anouk = TestTokens.member("anouk-" + UUID.randomUUID(), "vriend", "lid");
        mine(anouk).expectBody().jsonPath("$.status").isEqualTo("LID");
        String end = "/api/membership/members/" + anouk.subjectId() + "/membership/end";
        http.post().uri(end).header(HttpHeaders.AUTHORIZATION, pieter.bearer()).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        http.post().uri(end).header(HttpHeaders.AUTHORIZATION, pieter.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "Opgezegd.")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.membership.status").isEqualTo("ENDING")
                .jsonPath("$.membership.history[1].reason").isEqualTo("Opgezegd.");
        http.post().uri(end).header(HttpHeaders.AUTHORIZATION, pieter.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "Nog eens.")).exchange().expectStatus().isEqualTo(409);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private RestTestClient.ResponseSpec apply(TestTokens.Builder member, String motivation, String organisation) {
        return http.post().uri(APPLICATION).header(HttpHeaders.AUTHORIZATION, member.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("motivation", motivation, "organisation", organisation)).exchange();
    }

    private RestTestClient.ResponseSpec mine(TestTokens.Builder member) {
        return http.get().uri(MINE).header(HttpHeaders.AUTHORIZATION, member.bearer()).exchange();
    }

    @SuppressWarnings("unchecked")
    private String applicationId(TestTokens.Builder member) {
        Map<String, Object> applied = apply(member, "Ik wil stemmen.", "ROC Test").expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody();
        return (String) ((Map<String, Object>) applied.get("application")).get("id");
    }

    private RestTestClient.ResponseSpec decide(String applicationId, String decision, Object body) {
        var request = http.post().uri("/api/membership/applications/" + applicationId + "/" + decision)
                .header(HttpHeaders.AUTHORIZATION, pieter.bearer());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange();
    }

    private long openApplicationsOf(TestTokens.Builder member) {
        @SuppressWarnings("unchecked")
        Map<String, Object> found = http.get().uri("/api/membership/applications").header(HttpHeaders.AUTHORIZATION, pieter.bearer())
                .exchange().expectStatus().isOk().returnResult(Map.class).getResponseBody();
        return ((List<Map<String, Object>>) found.get("open")).stream()
                .filter(open -> member.subjectId().equals(open.get("memberId"))).count();
    }
}

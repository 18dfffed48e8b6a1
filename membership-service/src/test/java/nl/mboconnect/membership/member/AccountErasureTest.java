package nl.mboconnect.membership.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.mboconnect.platform.events.consumer.MemberErasure;
import nl.mboconnect.platform.service.ErasedMembers;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.StoredText;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;

/**
 * A member deletes their account, with a real Keycloak account and every feature used: afterwards
 * the realm has no such user, and no document in the service's database holds their id, user
 * name, name, e-mail address or phone number; what others need stays, by "Voormalig lid". With
 * Keycloak away, the erasure waits for it and finishes once it is back, and the member's token is
 * refused meanwhile.
 */
@ServiceTest
@TestPropertySource(properties = "mbo.test.database=membership-erasure")
class AccountErasureTest extends KeycloakBehindAProxy {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    private RestTestClient http;
    private final TestTokens.Builder pieter = TestTokens.member("beheerder-" + UUID.randomUUID(), "vriend", "beheerder");
    private final TestTokens.Builder ilse = TestTokens.member("ilse-" + UUID.randomUUID(), "vriend");

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aDeletedAccountLeavesNothingThatNamesTheMemberAndWhatOthersNeedStaysByVoormaligLid() {
        String username = "femke-" + UUID.randomUUID();
        TestTokens.Builder femke = keycloakMember(username).name("Femke", "Jansen").email("femke@example.org");
        String group = useEveryFeature(femke);

        try (TopicReader topic = TopicReader.fromNow(TestInfrastructure.kafka().bootstrapServers(), MemberEvents.TOPIC)) {
            call(femke, HttpMethod.DELETE, "/api/membership/members/me", null, 200);
            topic.await(record -> new String(record.value()).contains(femke.subjectId()), Duration.ofSeconds(20));
        }

        assertThat(ADMIN.hasUser(username)).isFalse();
        http.get().uri("/api/membership/members/me").header(HttpHeaders.AUTHORIZATION, femke.bearer()).exchange()
                .expectStatus().isUnauthorized();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(everything())
                .doesNotContain(femke.subjectId(), username, "Femke", "Jansen", "femke@example.org", "612345678",
                        "Docent techniek."));
        assertThat(everything()).contains(ErasedMembers.hash(femke.subjectId()));
        // what others need stays: the group she made, owned by "Voormalig lid", with its other member
        Map<?, ?> theGroup = call(ilse, HttpMethod.GET, "/api/membership/groups/" + group, null, 200);
        assertThat(theGroup.get("owner")).isEqualTo("Voormalig lid");
        // and she is in no list
        assertThat(call(pieter, HttpMethod.GET, "/api/membership/members?name=Femke", null, 200).toString())
                .doesNotContain("Femke");
    }

    @Test
    void withKeycloakAwayTheErasureFinishesOnceItIsBackAndTheTokenIsRefusedMeanwhile() {
        String username = "joost-" + UUID.randomUUID();
        TestTokens.Builder joost = keycloakMember(username);
        call(joost, HttpMethod.GET, "/api/membership/members/me", null, 200);

        TO_KEYCLOAK.cut();
        Map<?, ?> answer = call(joost, HttpMethod.DELETE, "/api/membership/members/me", null, 202);
        assertThat(answer.get("status")).isEqualTo("erasing");
        http.get().uri("/api/membership/members/me").header(HttpHeaders.AUTHORIZATION, joost.bearer()).exchange()
                .expectStatus().isUnauthorized();
        assertThat(ADMIN.hasUser(username)).isTrue();

        TO_KEYCLOAK.restore();
        await().atMost(Duration.ofSeconds(60)).until(() -> !ADMIN.hasUser(username));
        await().atMost(Duration.ofSeconds(20)).until(() -> database.getCollection("members")
                .countDocuments(Filters.eq("_id", joost.subjectId())) == 0);
    }

    /** A profile, a photo, an application, a callback request, a group she made with Ilse in it, a decision she took. */
    private String useEveryFeature(TestTokens.Builder femke) {
        call(femke, HttpMethod.PUT, "/api/membership/members/me/profile", Map.of("displayName", "Femke Jansen",
                "function", "DOCENT", "organisation", Map.of("kind", "SCHOOL", "name", "Techniek College"),
                "region", "GELDERLAND", "bio", "Docent techniek."), 0);
        http.put().uri("/api/membership/members/me/photo").header(HttpHeaders.AUTHORIZATION, femke.bearer())
                .contentType(MediaType.IMAGE_PNG).body(image()).exchange().expectStatus().isOk();
        call(femke, HttpMethod.POST, "/api/membership/members/me/membership/application",
                Map.of("motivation", "Ik wil meebeslissen.", "organisation", "Techniek College"), 0);
        Map<?, ?> callback = call(femke, HttpMethod.POST, "/api/membership/callbacks", Map.of("name", "Femke Jansen",
                "phone", "06 12345678", "moment", "OCHTEND", "topic", "Vraag over de contributie."), 0);
        call(pieter, HttpMethod.POST, "/api/membership/callbacks/" + callback.get("id") + "/claim", null, 0);
        Map<?, ?> group = call(femke, HttpMethod.POST, "/api/membership/groups",
                Map.of("name", "Techniek Gelderland " + UUID.randomUUID(), "description", "Voor docenten techniek.",
                        "kind", "CLOSED"), 0);
        String groupId = (String) group.get("id");
        call(ilse, HttpMethod.POST, "/api/membership/groups/" + groupId + "/membership", Map.of("message", "Graag!"), 0);
        call(femke, HttpMethod.POST, "/api/membership/groups/" + groupId + "/requests/" + ilse.subjectId() + "/approval",
                null, 0);
        return groupId;
    }

    private String everything() {
        return StoredText.of(database);
    }

    /** @param status the one expected, or 0 for any success */
    private Map<?, ?> call(TestTokens.Builder who, HttpMethod method, String uri, Object body, int status) {
        var request = http.method(method).uri(uri).header(HttpHeaders.AUTHORIZATION, who.bearer());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        var response = request.exchange();
        if (status == 0) {
            response.expectStatus().is2xxSuccessful();
        } else {
            response.expectStatus().isEqualTo(status);
        }
        return response.returnResult(Map.class).getResponseBody();
    }

    private static byte[] image() {
        try {
            return ProfilePhotoTest.image("png", 64, 64);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static {
        assertThat(MemberErasure.ERASED).isEqualTo(MemberEvents.ERASED.type());
    }
}

package nl.mboconnect.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.mongodb.client.MongoDatabase;

import nl.mboconnect.membership.member.ProfilePhotoTest;
import nl.mboconnect.platform.testing.PersonalDataRegister;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestTokens;

/**
 * Keeps {@code PERSONAL-DATA.md}, the register of what this service stores, true: every feature is
 * used once with every field filled in, then every field of every stored document must be in the
 * register (nothing is kept that the register does not say), and every field the register names
 * must be stored (the register names nothing that is gone).
 */
@ServiceTest
@TestPropertySource(properties = { "mbo.test.database=personal-data", "mbo.membership.partner-counts-interval=200ms" })
class PersonalDataRegisterTest {

    private static final Path REGISTER = Path.of("PERSONAL-DATA.md");
    /**
     * Filled only by an erasure, which this test does not do (and which any test's erasure, read
     * from the shared topic, may put here): their fields must be registered, but need not be stored.
     */
    private static final Set<String> FILLED_BY_ERASURES = Set.of("handled_events", "member_erasures", "erased_members");

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    private RestTestClient http;

    @Test
    void everyStoredFieldIsInTheRegisterAndTheRegisterNamesOnlyStoredFields() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        useEveryFeature();
        await().atMost(Duration.ofSeconds(20)).until(() -> database.getCollection("membership_counts").countDocuments() > 0);

        assertThat(PersonalDataRegister.differences(REGISTER, database, FILLED_BY_ERASURES)).isEmpty();
    }

    /**
     * The member's export holds every value stored about them: each text of each document that is
     * theirs (their member record and photo, their group records and the groups they made, their
     * callback requests), apart from search keys derived from texts it holds already.
     */
    @Test
    void theExportHoldsEveryValueStoredAboutTheMember() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        var sanne = useEveryFeature();
        String export = http.get().uri("/api/membership/me/personal-data").header(HttpHeaders.AUTHORIZATION, sanne.bearer())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        String id = sanne.subjectId();
        Map<String, org.bson.conversions.Bson> theirs = Map.of("members", com.mongodb.client.model.Filters.eq("_id", id),
                "member_photos", com.mongodb.client.model.Filters.eq("_id", id),
                "group_members", com.mongodb.client.model.Filters.eq("memberId", id),
                "groups", com.mongodb.client.model.Filters.eq("owner.id", id),
                "callbacks", com.mongodb.client.model.Filters.eq("requesterId", id));
        List<String> missing = new ArrayList<>();
        theirs.forEach((collection, filter) -> {
            List<Document> documents = database.getCollection(collection).find(filter).into(new ArrayList<>());
            assertThat(documents).as(collection).isNotEmpty();
            for (Document document : documents) {
                document.remove("outbox");
                document.remove("search");
                document.remove("nameKey");
                if (collection.equals("group_members")) {
                    document.remove("_id"); // groupId:memberId, both of which it holds
                }
                texts(document, collection, missing, export);
            }
        });
        assertThat(missing).as("stored about the member, missing from their export").isEmpty();
        assertThat(export).contains(java.util.Base64.getEncoder().encodeToString(
                database.getCollection("member_photos").find(com.mongodb.client.model.Filters.eq("_id", id)).first()
                        .get("jpeg", org.bson.types.Binary.class).getData()));
    }

    private static void texts(Object value, String path, List<String> missing, String export) {
        if (value instanceof Document document) {
            document.forEach((name, inner) -> texts(inner, path + "." + name, missing, export));
        } else if (value instanceof List<?> list) {
            list.forEach(element -> texts(element, path, missing, export));
        } else if (value instanceof String text && !export.contains(
                tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text))) {
            missing.add(path + " = " + text);
        }
    }

    /** A profile with everything, a photo, an application (rejected once), a callback request worked on, groups. */
    private TestTokens.Builder useEveryFeature() {
        var sanne = TestTokens.member("sanne-" + UUID.randomUUID(), "vriend").name("Sanne", "de Vries")
                .email("sanne@example.org");
        var pieter = TestTokens.member("pieter-" + UUID.randomUUID(), "vriend", "beheerder");
        var ilse = TestTokens.member("ilse-" + UUID.randomUUID(), "vriend");
        call(sanne, HttpMethod.GET, "/api/membership/members/me", null);
        call(sanne, HttpMethod.PUT, "/api/membership/members/me/profile", Map.of("displayName", "Sanne de Vries",
                "function", "DOCENT", "organisation", Map.of("kind", "SCHOOL", "name", "ROC Midden"), "region", "UTRECHT",
                "sectors", List.of("ZORG_WELZIJN_SPORT"), "themes", List.of("VAKMANSCHAP"), "bio", "Docent verpleegkunde.",
                "visibility", Map.of("email", "ONLY_ME", "bio", "LEDEN")));
        http.put().uri("/api/membership/members/me/photo").header(HttpHeaders.AUTHORIZATION, sanne.bearer())
                .contentType(MediaType.IMAGE_PNG).body(image()).exchange().expectStatus().isOk();
        Map<?, ?> applied = call(sanne, HttpMethod.POST, "/api/membership/members/me/membership/application",
                Map.of("motivation", "Ik wil meebeslissen.", "organisation", "ROC Midden"));
        String application = (String) ((Map<?, ?>) applied.get("application")).get("id");
        call(pieter, HttpMethod.POST, "/api/membership/applications/" + application + "/rejection",
                Map.of("reason", "Eerst een jaar vriend."));
        call(sanne, HttpMethod.POST, "/api/membership/members/me/membership/application",
                Map.of("motivation", "Nu wel.", "organisation", "ROC Midden"));

        Map<?, ?> callback = call(sanne, HttpMethod.POST, "/api/membership/callbacks", Map.of("name", "Sanne de Vries",
                "phone", "06 12345678", "moment", "OCHTEND", "topic", "Vraag over de contributie."));
        String callbackId = (String) callback.get("id");
        call(pieter, HttpMethod.POST, "/api/membership/callbacks/" + callbackId + "/claim", null);
        call(pieter, HttpMethod.POST, "/api/membership/callbacks/" + callbackId + "/closing", Map.of("text", "Teruggebeld."));

        Map<?, ?> group = call(sanne, HttpMethod.POST, "/api/membership/groups",
                Map.of("name", "Zorg Utrecht " + UUID.randomUUID(), "description", "Voor docenten zorg.", "kind", "CLOSED"));
        String groups = "/api/membership/groups/" + group.get("id");
        call(ilse, HttpMethod.POST, groups + "/membership", Map.of("message", "Graag!"));
        call(sanne, HttpMethod.POST, groups + "/requests/" + ilse.subjectId() + "/rejection", Map.of("reason", "Alleen Utrecht."));
        call(pieter, HttpMethod.GET, "/api/membership/members/me", null);
        call(sanne, HttpMethod.POST, groups + "/invitations", Map.of("memberId", pieter.subjectId()));
        return sanne;
    }

    private Map<?, ?> call(TestTokens.Builder who, HttpMethod method, String uri, Object body) {
        var request = http.method(method).uri(uri).header(HttpHeaders.AUTHORIZATION, who.bearer());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange().expectStatus().is2xxSuccessful().returnResult(Map.class).getResponseBody();
    }

    private static byte[] image() {
        try {
            return ProfilePhotoTest.image("png", 64, 64);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package nl.mboconnect.platform.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.platform.service.ErasedMembers;
import nl.mboconnect.platform.testing.ApiDocuments;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The role annotations let in exactly their roles; the API document describes every operation. */
@ServiceTest
class ServiceDefaultsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private static final Map<String, String> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("anonymous", null);
        CALLERS.put("vriend", TestTokens.member("sanne", "vriend").bearer());
        CALLERS.put("lid", TestTokens.member("joris", "vriend", "lid").bearer());
        CALLERS.put("redacteur", TestTokens.member("noor", "vriend", "redacteur").bearer());
        CALLERS.put("beheerder", TestTokens.member("pieter", "vriend", "beheerder").bearer());
        CALLERS.put("partner", TestTokens.partner("partner-demo-roc").bearer());
    }

    /** Endpoint, then the status each caller (in the order of {@link #CALLERS}) gets. */
    private static final Map<String, List<Integer>> EXPECTED = Map.of(
            "GET /api/noticeboard/notices", List.of(200, 200, 200, 200, 200, 200),
            "GET /api/noticeboard/notices/n1", List.of(401, 404, 404, 404, 404, 403),
            "POST /api/noticeboard/notices/n1/pin", List.of(401, 403, 403, 400, 400, 403),
            "POST /api/noticeboard/notices/n1/withdraw", List.of(401, 403, 403, 403, 409, 403),
            "GET /api/noticeboard/partners", List.of(401, 403, 403, 403, 200, 200),
            "GET /api/noticeboard/me/personal-data", List.of(401, 200, 200, 200, 200, 403));

    @TestFactory
    Stream<DynamicTest> eachRoleAnnotationLetsInItsRolesOnly() {
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        List<String> callers = List.copyOf(CALLERS.keySet());
        return EXPECTED.entrySet().stream().flatMap(endpoint -> callers.stream().map(caller -> {
            int expected = endpoint.getValue().get(callers.indexOf(caller));
            return DynamicTest.dynamicTest(endpoint.getKey() + " as " + caller + " → " + expected, () -> {
                String[] parts = endpoint.getKey().split(" ");
                var request = http.method(HttpMethod.valueOf(parts[0])).uri(parts[1]);
                if (CALLERS.get(caller) != null) {
                    request = request.header(HttpHeaders.AUTHORIZATION, CALLERS.get(caller));
                }
                var response = request.exchange().expectStatus().isEqualTo(expected);
                if (expected >= 400) {
                    response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
                }
            });
        }));
    }

    @Test
    void theApiDocumentDescribesEveryOperationWithItsRolesAndProblems() {
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        String document = http.get().uri("/api/noticeboard/openapi").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(ApiDocuments.operations(context)).hasSize(10);
        assertThat(ApiDocuments.undocumented(context, document)).isEmpty();
        JsonNode api = JsonMapper.builder().build().readTree(document);
        assertThat(api.path("openapi").asString()).startsWith("3.1");
        JsonNode withdraw = api.path("paths").path("/api/noticeboard/notices/{id}/withdraw").path("post");
        assertThat(withdraw.path("x-mbo-roles").toString()).isEqualTo("[\"beheerder\"]");
        assertThat(withdraw.path("description").asString()).contains("Who: beheerder.");
        assertThat(withdraw.path("responses").propertyNames()).contains("401", "403", "404", "409", "503");
        assertThat(withdraw.path("responses").path("409").path("content").path("application/problem+json")
                .path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        JsonNode board = api.path("paths").path("/api/noticeboard/notices").path("get");
        assertThat(board.has("x-mbo-roles")).isFalse();
        assertThat(board.path("responses").propertyNames()).contains("200", "400").doesNotContain("401", "403");
        assertThat(api.path("components").path("schemas").path("Problem").path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "errors");
    }

    @Test
    void aMemberGetsTheirOwnPersonalDataFromEveryPart() {
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        var sanne = TestTokens.member("sanne", "vriend");
        JsonNode export = JsonMapper.builder().build().readTree(http.get().uri("/api/noticeboard/me/personal-data")
                .header(HttpHeaders.AUTHORIZATION, sanne.bearer()).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(export.path("service").asString()).isEqualTo("noticeboard");
        assertThat(export.path("memberId").asString()).isEqualTo(sanne.subjectId());
        assertThat(export.path("generatedAt").asString()).isNotBlank();
        assertThat(export.path("parts").path("notices").get(0).path("title").asString())
                .isEqualTo("by " + sanne.subjectId());
    }

    @Test
    void aTokenOfAMemberWhoErasedTheirAccountIsRefusedThoughItHasNotExpired() {
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        var leaving = TestTokens.member("vertrekt", "vriend");
        var staying = TestTokens.member("blijft", "vriend");
        http.get().uri("/api/noticeboard/me/personal-data").header(HttpHeaders.AUTHORIZATION, leaving.bearer())
                .exchange().expectStatus().isOk();

        context.getBean(ErasedMembers.class).record(leaving.subjectId());

        http.get().uri("/api/noticeboard/me/personal-data").header(HttpHeaders.AUTHORIZATION, leaving.bearer())
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/noticeboard/me/personal-data").header(HttpHeaders.AUTHORIZATION, staying.bearer())
                .exchange().expectStatus().isOk();
        assertThat(context.getBean(com.mongodb.client.MongoDatabase.class).getCollection("erased_members")
                .find().into(new java.util.ArrayList<>()).toString()).doesNotContain(leaving.subjectId())
                .contains(ErasedMembers.hash(leaving.subjectId()));
    }

    @Test
    void aDocumentMissingAnOperationIsCaught() {
        String withoutPaths = "{\"openapi\":\"3.1.0\",\"paths\":{\"/api/noticeboard/busy\":{\"get\":{}}}}";
        assertThat(ApiDocuments.undocumented(context, withoutPaths))
                .contains("POST /api/noticeboard/notices/{id}/withdraw", "GET /api/noticeboard/notices")
                .doesNotContain("GET /api/noticeboard/busy");
    }
}

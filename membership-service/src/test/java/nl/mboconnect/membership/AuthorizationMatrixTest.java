package nl.mboconnect.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.membership.member.ProfilePhotoTest;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestTokens;

/**
 * Every endpoint of membership-service against every kind of caller: members (each of their
 * roles) may use their own and the directory, only a beheerder decides on membership; an anonymous
 * caller gets 401 and the others 403, always as problem+json.
 */
@ServiceTest
class AuthorizationMatrixTest {

    enum Role {
        ANONYMOUS, VRIEND, LID, REDACTEUR, BEHEERDER, PARTNER
    }

    private static final Map<Role, TestTokens.Builder> TOKENS = new LinkedHashMap<>();

    static {
        TOKENS.put(Role.VRIEND, TestTokens.member("sanne-" + UUID.randomUUID(), "vriend"));
        TOKENS.put(Role.LID, TestTokens.member("joris-" + UUID.randomUUID(), "vriend", "lid"));
        TOKENS.put(Role.REDACTEUR, TestTokens.member("noor-" + UUID.randomUUID(), "vriend", "redacteur"));
        TOKENS.put(Role.BEHEERDER, TestTokens.member("pieter-" + UUID.randomUUID(), "vriend", "beheerder"));
        TOKENS.put(Role.PARTNER, TestTokens.partner("partner-demo-roc"));
    }

    @LocalServerPort
    int port;

    /**
     * An endpoint, and what each role that may call it gets (the rest: 401 anonymous, 403 otherwise);
     * a {@link Supplier} body is asked anew for each call (a group's name is taken once).
     */
    record Endpoint(HttpMethod method, String uri, MediaType type, Object body, Map<Role, Integer> answers) {

        Endpoint(HttpMethod method, String uri, MediaType type, Object body) {
            this(method, uri, type, body, Map.of(Role.VRIEND, 200, Role.LID, 200, Role.REDACTEUR, 200, Role.BEHEERDER, 200));
        }

        static Endpoint beheerder(HttpMethod method, String uri, Object body) {
            return new Endpoint(method, uri, body == null ? null : MediaType.APPLICATION_JSON, body,
                    Map.of(Role.BEHEERDER, 200));
        }

        int expected(Role role) {
            return answers.getOrDefault(role, role == Role.ANONYMOUS ? 401 : 403);
        }
    }

    /** A member who applied to become lid; returns the application's id. */
    private static String applicant(RestTestClient http) {
        TestTokens.Builder applicant = TestTokens.member("aanvrager-" + UUID.randomUUID(), "vriend");
        return http.post().uri("/api/membership/members/me/membership/application")
                .header(HttpHeaders.AUTHORIZATION, applicant.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("motivation", "Ik wil meebeslissen.", "organisation", "ROC Test")).exchange()
                .expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("application") instanceof Map<?, ?> open
                        ? (String) open.get("id") : null;
    }

    private static final Map<String, String> CALLBACK = Map.of("name", "Ilse Mulder", "phone", "06 12345678",
            "moment", "OCHTEND", "topic", "Vraag over het lidmaatschap.");

    /** A callback request left by a visitor; returns its id. */
    private static String callback(RestTestClient http) {
        return (String) http.post().uri("/api/membership/callbacks").contentType(MediaType.APPLICATION_JSON).body(CALLBACK)
                .exchange().expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id");
    }

    /** A group of the beheerder's (its owner, so its moderator); returns its id. */
    private static String group(RestTestClient http, String kind) {
        return (String) http.post().uri("/api/membership/groups").header(HttpHeaders.AUTHORIZATION, TOKENS.get(Role.BEHEERDER).bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Matrixgroep " + UUID.randomUUID(), "kind", kind)).exchange()
                .expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id");
    }

    /** A member who asked to join the closed group, or joined the open one; returns their id. */
    private static String joined(RestTestClient http, String group) {
        TestTokens.Builder someone = TestTokens.member("groepslid-" + UUID.randomUUID(), "vriend");
        http.post().uri("/api/membership/groups/" + group + "/membership").header(HttpHeaders.AUTHORIZATION, someone.bearer())
                .exchange().expectStatus().isOk();
        return someone.subjectId();
    }

    /**
     * Deleting an account: every member deletes their own (a fresh one each, since it is gone
     * after), there is no way to name another's; a visitor gets 401, a partner's account 403.
     */
    @Test
    void eachMemberDeletesTheirOwnAccountAndNobodyElseDeletesAny() {
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        for (String[] roles : List.of(new String[] { "vriend" }, new String[] { "vriend", "lid" },
                new String[] { "vriend", "redacteur" }, new String[] { "vriend", "beheerder" })) {
            TestTokens.Builder leaving = TestTokens.member("vertrekt-" + UUID.randomUUID(), roles);
            http.get().uri("/api/membership/members/me").header(HttpHeaders.AUTHORIZATION, leaving.bearer()).exchange()
                    .expectStatus().isOk();
            assertThat(http.delete().uri("/api/membership/members/me").header(HttpHeaders.AUTHORIZATION, leaving.bearer())
                    .exchange().returnResult(byte[].class).getStatus().value()).as(String.join(",", roles)).isIn(200, 202);
        }
        http.delete().uri("/api/membership/members/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.delete().uri("/api/membership/members/me").header(HttpHeaders.AUTHORIZATION, TOKENS.get(Role.PARTNER).bearer())
                .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole() throws Exception {
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        TestTokens.Builder shown = TestTokens.member("getoond-" + UUID.randomUUID(), "vriend");
        byte[] png = ProfilePhotoTest.image("png", 64, 64);
        String photo = http.put().uri("/api/membership/members/me/photo").header(HttpHeaders.AUTHORIZATION, shown.bearer())
                .contentType(MediaType.IMAGE_PNG).body(png).exchange().expectStatus().isOk()
                .returnResult(Map.class).getResponseBody().get("photoUrl").toString();
        String member = "/api/membership/members/" + shown.subjectId();
        TestTokens.Builder lid = TestTokens.member("lid-" + UUID.randomUUID(), "vriend", "lid");
        http.get().uri("/api/membership/members/me").header(HttpHeaders.AUTHORIZATION, lid.bearer()).exchange()
                .expectStatus().isOk();
        String open = "/api/membership/groups/" + group(http, "OPEN");
        String closedId = group(http, "CLOSED");
        String closed = "/api/membership/groups/" + closedId;
        Map<Role, Integer> owner = Map.of(Role.BEHEERDER, 200); // the beheerder owns the groups: the others are not their moderators
        List<Endpoint> endpoints = List.of(
                new Endpoint(HttpMethod.GET, "/api/membership/members/me", null, null),
                new Endpoint(HttpMethod.GET, "/api/membership/me/personal-data", null, null),
                new Endpoint(HttpMethod.PUT, "/api/membership/members/me/profile", MediaType.APPLICATION_JSON,
                        Map.of("function", "DOCENT", "region", "UTRECHT")),
                new Endpoint(HttpMethod.PUT, "/api/membership/members/me/photo", MediaType.IMAGE_PNG, png),
                new Endpoint(HttpMethod.DELETE, "/api/membership/members/me/photo", null, null),
                new Endpoint(HttpMethod.GET, "/api/membership/members?region=UTRECHT", null, null),
                new Endpoint(HttpMethod.GET, member, null, null),
                new Endpoint(HttpMethod.GET, photo, null, null),
                new Endpoint(HttpMethod.GET, "/api/membership/members/me/membership", null, null),
                // a lid applies no more (409): the rule answers, not the authorisation
                new Endpoint(HttpMethod.POST, "/api/membership/members/me/membership/application",
                        MediaType.APPLICATION_JSON, Map.of("motivation", "Ik wil stemmen.", "organisation", "ROC Test"),
                        Map.of(Role.VRIEND, 201, Role.LID, 409, Role.REDACTEUR, 201, Role.BEHEERDER, 201)),
                new Endpoint(HttpMethod.DELETE, "/api/membership/members/me/membership/application", null, null,
                        Map.of(Role.VRIEND, 200, Role.LID, 409, Role.REDACTEUR, 200, Role.BEHEERDER, 200)),
                Endpoint.beheerder(HttpMethod.GET, "/api/membership/applications", null),
                Endpoint.beheerder(HttpMethod.POST, "/api/membership/applications/" + applicant(http) + "/approval", null),
                Endpoint.beheerder(HttpMethod.POST, "/api/membership/applications/" + applicant(http) + "/rejection",
                        Map.of("reason", "Nog even vriend blijven.")),
                Endpoint.beheerder(HttpMethod.GET, "/api/membership/memberships?status=LID", null),
                Endpoint.beheerder(HttpMethod.GET, member + "/membership", null),
                Endpoint.beheerder(HttpMethod.POST, "/api/membership/members/" + lid.subjectId() + "/membership/end",
                        Map.of("reason", "Opgezegd per brief.")),
                // "Bel mij terug": anyone asks, signed in or not; only a beheerder sees and works the queue
                new Endpoint(HttpMethod.POST, "/api/membership/callbacks", MediaType.APPLICATION_JSON, CALLBACK,
                        Map.of(Role.ANONYMOUS, 201, Role.VRIEND, 201, Role.LID, 201, Role.REDACTEUR, 201,
                                Role.BEHEERDER, 201, Role.PARTNER, 201)),
                Endpoint.beheerder(HttpMethod.GET, "/api/membership/callbacks", null),
                Endpoint.beheerder(HttpMethod.GET, "/api/membership/callbacks/" + callback(http), null),
                Endpoint.beheerder(HttpMethod.POST, "/api/membership/callbacks/" + callback(http) + "/claim", null),
                Endpoint.beheerder(HttpMethod.POST, "/api/membership/callbacks/" + callback(http) + "/notes",
                        Map.of("text", "Voicemail ingesproken.")),
                Endpoint.beheerder(HttpMethod.POST, "/api/membership/callbacks/" + callback(http) + "/closing", null),
                // groups: any member makes, finds and joins them; what a group's moderators do, only they do
                new Endpoint(HttpMethod.GET, "/api/membership/groups", null, null),
                new Endpoint(HttpMethod.POST, "/api/membership/groups", MediaType.APPLICATION_JSON,
                        (Supplier<?>) () -> Map.of("name", "Nieuwe groep " + UUID.randomUUID(), "kind", "OPEN"),
                        Map.of(Role.VRIEND, 201, Role.LID, 201, Role.REDACTEUR, 201, Role.BEHEERDER, 201)),
                new Endpoint(HttpMethod.GET, open, null, null),
                new Endpoint(HttpMethod.GET, open + "/members", null, null),
                // its owner (or a moderator) renames it; a member of another kind of standing may not
                new Endpoint(HttpMethod.PUT, open, MediaType.APPLICATION_JSON,
                        Map.of("name", "Matrixgroep hernoemd " + UUID.randomUUID(), "description", "Nieuw."), owner),
                // the owner is in the group already, and stays in it
                new Endpoint(HttpMethod.POST, open + "/membership", null, null,
                        Map.of(Role.VRIEND, 200, Role.LID, 200, Role.REDACTEUR, 200, Role.BEHEERDER, 409)),
                new Endpoint(HttpMethod.DELETE, open + "/membership", null, null,
                        Map.of(Role.VRIEND, 200, Role.LID, 200, Role.REDACTEUR, 200, Role.BEHEERDER, 409)),
                new Endpoint(HttpMethod.GET, "/api/membership/members/me/groups", null, null),
                new Endpoint(HttpMethod.GET, closed + "/requests", null, null, owner),
                new Endpoint(HttpMethod.POST, closed + "/requests/" + joined(http, closedId) + "/approval", null, null, owner),
                new Endpoint(HttpMethod.POST, closed + "/requests/" + joined(http, closedId) + "/rejection",
                        MediaType.APPLICATION_JSON, Map.of("reason", "Alleen voor de regio."), owner),
                new Endpoint(HttpMethod.POST, closed + "/invitations", MediaType.APPLICATION_JSON,
                        Map.of("memberId", shown.subjectId()), Map.of(Role.BEHEERDER, 201)),
                new Endpoint(HttpMethod.PUT, open + "/members/" + joined(http, open.substring(open.lastIndexOf('/') + 1)) + "/role",
                        MediaType.APPLICATION_JSON, Map.of("role", "MODERATOR"), owner),
                new Endpoint(HttpMethod.DELETE, open + "/members/" + joined(http, open.substring(open.lastIndexOf('/') + 1)),
                        null, null, owner));
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Role role : Role.values()) {
                int expected = endpoint.expected(role);
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.uri() + " as " + role, () -> {
                    TestTokens.Builder who = TOKENS.get(role);
                    var request = http.method(endpoint.method()).uri(endpoint.uri());
                    if (who != null) {
                        request.header(HttpHeaders.AUTHORIZATION, who.bearer());
                    }
                    if (endpoint.body() != null) {
                        request.contentType(endpoint.type())
                                .body(endpoint.body() instanceof Supplier<?> fresh ? fresh.get() : endpoint.body());
                    }
                    var result = request.exchange().returnResult(byte[].class);
                    assertThat(result.getStatus().value()).as("%s %s as %s", endpoint.method(), endpoint.uri(), role)
                            .isEqualTo(expected);
                    if (expected >= 400) {
                        assertThat(result.getResponseHeaders().getContentType())
                                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                    }
                }));
            }
        }
        return tests.stream();
    }
}

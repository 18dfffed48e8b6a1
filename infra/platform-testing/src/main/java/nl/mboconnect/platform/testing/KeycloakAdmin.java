package nl.mboconnect.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the system tests and the benchmark ask of Keycloak directly: tokens for clients and members,
 * an administrator's changes, and many members at once.
 */
public final class KeycloakAdmin {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String url;

    public KeycloakAdmin(String url) {
        this.url = url;
    }

    public String issuer() {
        return url + "/realms/mbo-connect";
    }

    /** An access token for a client's service account (client credentials). */
    public String clientToken(String clientId, String secret) {
        return post(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)).get("access_token").asString();
    }

    /**
     * A member's own access token, as the gateway would get it at sign-in but straight from Keycloak:
     * through a client that exists only in the tests' Keycloak (made here by an administrator, with
     * password sign-in, the API's audience, and tokens that live {@code lifetime}). The realm's own
     * clients allow no password sign-in.
     */
    public String memberToken(String username, String password, Duration lifetime) {
        return passwordToken(memberClient(lifetime), username, password);
    }

    /**
     * A client that signs members in with their password and gives tokens for the API that live
     * {@code lifetime} (made once); returns its id.
     */
    public String memberClient(Duration lifetime) {
        String clientId = "system-test-member-" + lifetime.toSeconds();
        String admin = adminToken();
        JsonNode existing = send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/mbo-connect/clients?clientId="
                + clientId)).header("Authorization", "Bearer " + admin).build());
        if (existing.isEmpty()) {
            Map<String, Object> client = Map.of("clientId", clientId, "publicClient", true,
                    "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                    "attributes", Map.of("access.token.lifespan", Long.toString(lifetime.toSeconds())),
                    "protocolMappers", List.of(Map.of("name", "audience mbo-connect-api",
                            "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                            "config", Map.of("included.client.audience", "mbo-connect-api",
                                    "access.token.claim", "true", "id.token.claim", "false"))));
            send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/mbo-connect/clients"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build());
        }
        return clientId;
    }

    /** A member's access token through a client made by {@link #memberClient}. */
    public String passwordToken(String clientId, String username, String password) {
        return post(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "password", "client_id",
                clientId, "username", username, "password", password, "scope", "openid"))
                .get("access_token").asString();
    }

    /**
     * Adds members in bulk (Keycloak's partial import, skipping those that exist), each with the
     * password and the realm roles given, named {@code <username>} "Lid <n>". Only for a throwaway
     * realm such as the benchmark's: it first makes password hashing cheap (one iteration), so
     * thousands of members can sign in within seconds.
     */
    public void addMembers(List<String> usernames, String password, List<String> roles) {
        String admin = adminToken();
        send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/mbo-connect"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("passwordPolicy", "length(8) and hashAlgorithm(pbkdf2-sha256) and hashIterations(1)")))).build());
        for (int from = 0; from < usernames.size(); from += 500) {
            List<Map<String, Object>> users = new ArrayList<>();
            for (String username : usernames.subList(from, Math.min(usernames.size(), from + 500))) {
                users.add(Map.of("username", username, "enabled", true, "emailVerified", true,
                        "email", username + "@bench.example.org", "firstName", "Lid", "lastName", username,
                        "realmRoles", roles,
                        "credentials", List.of(Map.of("type", "password", "value", password,
                                "temporary", false))));
            }
            send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/mbo-connect/partialImport"))
                    .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("ifResourceExists", "SKIP", "users", users)))).build());
        }
    }

    private String adminToken() {
        return post(url + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", "admin-local-only"))
                .get("access_token").asString();
    }

    /** The id (subject) of a user. */
    public String userId(String username) {
        JsonNode users = send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/mbo-connect/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + adminToken()).build());
        return users.get(0).get("id").asString();
    }

    /** The realm roles mapped to a user directly, by name. */
    public List<String> realmRoles(String userId) {
        JsonNode roles = send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/mbo-connect/users/" + userId
                + "/role-mappings/realm")).header("Authorization", "Bearer " + adminToken()).build());
        List<String> names = new ArrayList<>();
        roles.forEach(role -> names.add(role.get("name").asString()));
        return names;
    }

    /** Maps a realm role to a user, as an administrator would in the console. */
    public void giveRealmRole(String userId, String role) {
        String admin = adminToken();
        JsonNode representation = send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/mbo-connect/roles/"
                + URLEncoder.encode(role, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + admin).build());
        send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/mbo-connect/users/" + userId + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + representation + "]")).build());
    }

    /** Ends every Keycloak session of a user (their refresh tokens stop working), as the console's "Sign out" does. */
    public void signOut(String userId) {
        send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/mbo-connect/users/" + userId + "/logout"))
                .header("Authorization", "Bearer " + adminToken()).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Whether the realm has a user of that name (after a member deleted their account, it has not). */
    public boolean hasUser(String username) {
        JsonNode users = send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/mbo-connect/users?exact=true&username="
                + username)).header("Authorization", "Bearer " + adminToken()).build());
        return !users.isEmpty();
    }

    /** Changes a demo user's first name, as an administrator would in the console. */
    public void rename(String username, String firstName) {
        String admin = adminToken();
        JsonNode users = send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/mbo-connect/users?exact=true&username="
                + username)).header("Authorization", "Bearer " + admin).build());
        String id = users.get(0).get("id").asString();
        var body = Map.of("firstName", firstName);
        send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/mbo-connect/users/" + id))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private static JsonNode post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}

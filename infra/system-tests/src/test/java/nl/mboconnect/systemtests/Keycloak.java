package nl.mboconnect.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the tests ask of Keycloak directly: tokens for clients, and an administrator's changes. */
final class Keycloak {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String url;

    Keycloak(String url) {
        this.url = url;
    }

    String issuer() {
        return url + "/realms/mbo-connect";
    }

    /** An access token for a client's service account (client credentials). */
    String clientToken(String clientId, String secret) {
        return post(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)).get("access_token").asString();
    }

    /**
     * A member's own access token, as the gateway would get it at sign-in but straight from Keycloak:
     * through a client that exists only in the tests' Keycloak (made here by an administrator, with
     * password sign-in, the API's audience, and tokens that live {@code lifetime}). The realm's own
     * clients allow no password sign-in.
     */
    String memberToken(String username, String password, java.time.Duration lifetime) {
        String clientId = "system-test-member-" + lifetime.toSeconds();
        String admin = adminToken();
        JsonNode existing = send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/mbo-connect/clients?clientId="
                + clientId)).header("Authorization", "Bearer " + admin).build());
        if (existing.isEmpty()) {
            Map<String, Object> client = Map.of("clientId", clientId, "publicClient", true,
                    "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                    "attributes", Map.of("access.token.lifespan", Long.toString(lifetime.toSeconds())),
                    "protocolMappers", java.util.List.of(Map.of("name", "audience mbo-connect-api",
                            "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                            "config", Map.of("included.client.audience", "mbo-connect-api",
                                    "access.token.claim", "true", "id.token.claim", "false"))));
            send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/mbo-connect/clients"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build());
        }
        return post(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "password", "client_id",
                clientId, "username", username, "password", password, "scope", "openid"))
                .get("access_token").asString();
    }

    private String adminToken() {
        return post(url + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", "admin-local-only"))
                .get("access_token").asString();
    }

    /** Changes a demo user's first name, as an administrator would in the console. */
    void rename(String username, String firstName) {
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

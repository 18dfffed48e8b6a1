package nl.mboconnect.membership.member;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives and takes a realm role through Keycloak's Admin API, as the service account of the client
 * {@code membership-service}: the realm's fine-grained admin permissions let it view and manage users
 * (to delete the account of a member who asks) and map the member roles (vriend, lid, redacteur,
 * beheerder), nothing more.
 * Both are idempotent: giving a role someone has, or taking one they lack, changes nothing.
 */
@Component
class KeycloakRoles {

    /** Why Keycloak did not do it: away (try again later) or the account is gone (never will). */
    static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final class AccountGone extends Exception {
        AccountGone(String memberId) {
            super("no Keycloak account " + memberId);
        }
    }

    private final String realmUrl;
    private final String adminUrl;
    private final String clientId;
    private final String clientSecret;
    private final Duration timeout;
    private final JsonMapper json;
    private final HttpClient http;
    private volatile String token;
    private volatile Instant tokenExpires = Instant.EPOCH;

    KeycloakRoles(@Value("${mbo.keycloak.url}") String url, @Value("${mbo.keycloak.realm:mbo-connect}") String realm,
            @Value("${mbo.keycloak.client-id:membership-service}") String clientId,
            @Value("${mbo.keycloak.client-secret}") String clientSecret,
            @Value("${mbo.keycloak.timeout:5s}") Duration timeout, JsonMapper json) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.realmUrl = base + "/realms/" + realm;
        this.adminUrl = base + "/admin/realms/" + realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    void give(String memberId, String role) throws Unavailable, AccountGone {
        String mappings = mappings(memberId);
        if (find(send(request(mappings).GET(), memberId), role) != null) {
            return;
        }
        JsonNode available = find(send(request(mappings + "/available").GET(), memberId), role);
        if (available == null) {
            throw new Unavailable("Keycloak offers no realm role " + role + " to map", null);
        }
        change(mappings, "POST", available, memberId);
    }

    void take(String memberId, String role) throws Unavailable, AccountGone {
        String mappings = mappings(memberId);
        JsonNode mapped = find(send(request(mappings).GET(), memberId), role);
        if (mapped != null) {
            change(mappings, "DELETE", mapped, memberId);
        }
    }

    /** Deletes the member's Keycloak account (their sessions end with it); one that is gone already is done. */
    void removeAccount(String memberId) throws Unavailable {
        String user = adminUrl + "/users/" + URLEncoder.encode(memberId, StandardCharsets.UTF_8);
        try {
            send(request(user).GET(), memberId); // asked first: Keycloak answers a DELETE of a gone user with 500
            try {
                send(request(user).DELETE(), memberId);
            } catch (Unavailable failed) { // deleted in between (another replica on the event)? then it is done
                send(request(user).GET(), memberId);
                throw failed;
            }
        } catch (AccountGone done) {
            // deleted before: by an earlier try, or in the Keycloak console
        }
    }

    /**
     * The member's realm roles, read through their own mappings (the role's id comes from there): the
     * service account may view users and map the member roles, not read the realm's roles.
     */
    private String mappings(String memberId) {
        return adminUrl + "/users/" + URLEncoder.encode(memberId, StandardCharsets.UTF_8) + "/role-mappings/realm";
    }

    private static JsonNode find(JsonNode roles, String role) {
        for (JsonNode one : roles) {
            if (role.equals(one.path("name").asString())) {
                return one;
            }
        }
        return null;
    }

    private void change(String mappings, String method, JsonNode role, String memberId) throws Unavailable, AccountGone {
        String body = json.writeValueAsString(List.of(Map.of("id", role.get("id").asString(), "name",
                role.get("name").asString())));
        send(request(mappings).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)), memberId);
    }

    private HttpRequest.Builder request(String url) throws Unavailable {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Authorization", "Bearer " + token());
    }

    /** The service account's token, fetched again shortly before it expires. */
    private String token() throws Unavailable {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        JsonNode answer;
        try {
            answer = send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .timeout(timeout).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), null);
        } catch (AccountGone never) { // only a call about a member says that
            throw new Unavailable(never.getMessage(), never);
        }
        token = answer.get("access_token").asString();
        tokenExpires = Instant.now().plusSeconds(Math.max(0, answer.get("expires_in").asLong() - 30));
        return token;
    }

    /** Sends; a 404 about {@code memberId} means their account is gone; anything else not 2xx is Keycloak away. */
    private JsonNode send(HttpRequest.Builder request, String memberId) throws Unavailable, AccountGone {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("Keycloak did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
        if (response.statusCode() == 404 && memberId != null) {
            throw new AccountGone(memberId);
        }
        if (response.statusCode() == 401) {
            token = null; // revoked or expired early: the next call fetches a new one
        }
        if (response.statusCode() / 100 != 2) {
            throw new Unavailable("Keycloak answered " + response.statusCode() + ": " + abbreviated(response.body()), null);
        }
        return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}

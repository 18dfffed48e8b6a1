package nl.mboconnect.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** The realm file, imported into a real Keycloak, does what the platform relies on. */
class RealmTest {

    private static final String GATEWAY_SECRET = "local-only-gateway-secret-not-for-production";
    private static TestInfrastructure.Keycloak keycloak;
    private static String redirectUri;

    @BeforeAll
    static void keycloak() {
        keycloak = TestInfrastructure.keycloak();
        redirectUri = "http://localhost:" + keycloak.gatewayPort() + "/login/oauth2/code/keycloak";
    }

    @Test
    void aMemberSignsInWithPkceAndTheTokenCarriesTheAudienceRolesAndName() throws Exception {
        JWTClaimsSet token = SignedJWT.parse(signIn("joris", "mboconnect")).getJWTClaimsSet();

        assertThat(token.getIssuer()).isEqualTo(keycloak.issuer());
        assertThat(token.getAudience()).contains("mbo-connect-api");
        assertThat(realmRoles(token)).contains("vriend", "lid").doesNotContain("beheerder");
        assertThat(token.getStringClaim("name")).isEqualTo("Joris Bakker");
        assertThat(token.getStringClaim("preferred_username")).isEqualTo("joris");
    }

    @Test
    void everyDemoUserHasTheRoleTheReadmePromises() throws Exception {
        Map<String, String> roles = Map.of("sanne", "vriend", "noor", "redacteur", "pieter", "beheerder");
        for (var user : roles.entrySet()) {
            JWTClaimsSet token = SignedJWT.parse(signIn(user.getKey(), "mboconnect")).getJWTClaimsSet();
            assertThat(realmRoles(token)).as(user.getKey()).contains("vriend", user.getValue());
        }
    }

    @Test
    void theLoginPageIsDutchByDefault() throws Exception {
        HttpResponse<String> page = browser().send(get(authorizationUrl(redirectUri, challenge(verifier()))),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"nl\"", "Wachtwoord");
    }

    @Test
    void theGatewayMustUsePkceAndItsExactRedirectUri() throws Exception {
        HttpResponse<String> withoutPkce = browser().send(get(keycloak.issuer() + "/protocol/openid-connect/auth?"
                + form(Map.of("client_id", "gateway", "response_type", "code", "scope", "openid",
                        "redirect_uri", redirectUri))), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutPkce.headers().firstValue("Location").orElse(withoutPkce.body()))
                .contains("error=invalid_request");

        HttpResponse<String> elsewhere = browser().send(get(authorizationUrl("http://localhost:1/steal",
                challenge(verifier()))), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(400);
    }

    @Test
    void aPartnerGetsATokenForTheApiAndKafkaWithOnlyThePartnerRole() throws Exception {
        JWTClaimsSet token = SignedJWT.parse(clientToken("partner-demo-roc",
                "local-only-partner-secret-not-for-production")).getJWTClaimsSet();

        assertThat(token.getAudience()).contains("mbo-connect-api", "kafka-partner");
        assertThat(realmRoles(token)).containsExactly("partner");
        assertThat(token.getStringClaim("azp")).isEqualTo("partner-demo-roc");
    }

    @Test
    void theRealmRegistersNewcomersAsVriendProtectsAgainstGuessingAndSpeaksDutch() throws Exception {
        Map<String, Object> realm = JSONObjectUtils.parse(admin("/admin/realms/mbo-connect"));

        assertThat(realm).containsEntry("registrationAllowed", true).containsEntry("bruteForceProtected", true)
                .containsEntry("internationalizationEnabled", true).containsEntry("defaultLocale", "nl");
        String defaults = admin("/admin/realms/mbo-connect/roles/default-roles-mbo-connect/composites/realm");
        assertThat(defaults).contains("\"vriend\"");
    }

    @Test
    void membershipServiceMayGrantLidAndDeleteAnAccountButNotGrantPartner() throws Exception {
        String token = clientToken("membership-service", "local-only-membership-secret-not-for-production");
        String sanne = JSONArrayUtils.parse(call(token, "GET", "/admin/realms/mbo-connect/users?exact=true&username=sanne",
                null).body()).get(0) instanceof Map<?, ?> user ? (String) user.get("id") : null;
        String lid = (String) JSONObjectUtils.parse(admin("/admin/realms/mbo-connect/roles/lid")).get("id");
        String partner = (String) JSONObjectUtils.parse(admin("/admin/realms/mbo-connect/roles/partner")).get("id");
        String mappings = "/admin/realms/mbo-connect/users/" + sanne + "/role-mappings/realm";

        assertThat(call(token, "POST", mappings, "[{\"id\":\"" + lid + "\",\"name\":\"lid\"}]").statusCode())
                .isEqualTo(204);
        assertThat(admin(mappings)).contains("\"lid\"");
        assertThat(call(token, "DELETE", mappings, "[{\"id\":\"" + lid + "\",\"name\":\"lid\"}]").statusCode())
                .isEqualTo(204);
        assertThat(call(token, "POST", mappings, "[{\"id\":\"" + partner + "\",\"name\":\"partner\"}]").statusCode())
                .isEqualTo(403);
        // a member who deletes their account: membership-service deletes it (only ever the caller's own)
        String leaving = "vertrekt-" + java.util.UUID.randomUUID();
        KeycloakAdmin realm = new KeycloakAdmin(keycloak.url());
        realm.addMembers(java.util.List.of(leaving), "wachtwoord-" + java.util.UUID.randomUUID(), java.util.List.of("vriend"));
        assertThat(call(token, "DELETE", "/admin/realms/mbo-connect/users/" + realm.userId(leaving), null).statusCode())
                .isEqualTo(204);
        assertThat(realm.hasUser(leaving)).isFalse();
    }

    // --- a browser's authorization code flow, by hand -----------------------------------------

    /** Signs in on Keycloak's form and exchanges the code as the gateway would; returns the access token. */
    private static String signIn(String username, String password) throws Exception {
        HttpClient browser = browser();
        String verifier = verifier();
        HttpResponse<String> form = browser.send(get(authorizationUrl(redirectUri, challenge(verifier))),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.body());
        assertThat(action.find()).as("login form").isTrue();
        HttpResponse<String> afterLogin = browser.send(HttpRequest.newBuilder(URI.create(action.group(1)
                .replace("&amp;", "&"))).header("Content-Type", "application/x-www-form-urlencoded")
                // Keycloak marks its cookies Secure; browsers send those to http://localhost, Java does not
                .header("Cookie", cookies(form))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = afterLogin.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError(username + " could not sign in: " + afterLogin.statusCode()));
        assertThat(location).startsWith(redirectUri);
        String code = query(location).get("code");
        return (String) JSONObjectUtils.parse(post(keycloak.issuer() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "client_id", "gateway", "client_secret", GATEWAY_SECRET, "code_verifier", verifier)))
                .get("access_token");
    }

    private static String cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(cookie -> cookie.split(";", 2)[0])
                .collect(Collectors.joining("; "));
    }

    private static String authorizationUrl(String redirect, String challenge) {
        return keycloak.issuer() + "/protocol/openid-connect/auth?" + form(Map.of("client_id", "gateway",
                "response_type", "code", "scope", "openid profile email", "redirect_uri", redirect,
                "code_challenge", challenge, "code_challenge_method", "S256", "state", "s", "nonce", "n"));
    }

    private static String clientToken(String clientId, String secret) throws Exception {
        return (String) JSONObjectUtils.parse(post(keycloak.issuer() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)))
                .get("access_token");
    }

    private static String admin(String path) throws Exception {
        String token = (String) JSONObjectUtils.parse(post(keycloak.url() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", keycloak.adminUsername(),
                        "password", keycloak.adminPassword()))).get("access_token");
        HttpResponse<String> response = call(token, "GET", path, null);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> call(String token, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.url() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String post(String url, Map<String, String> fields) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "nl").build();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String url) {
        return java.util.Arrays.stream(URI.create(url).getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0],
                        pair -> java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static String verifier() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) throws NoSuchAlgorithmException {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(JWTClaimsSet token) throws ParseException {
        Map<String, Object> access = token.getJSONObjectClaim("realm_access");
        return access == null ? List.of() : (List<String>) access.get("roles");
    }
}

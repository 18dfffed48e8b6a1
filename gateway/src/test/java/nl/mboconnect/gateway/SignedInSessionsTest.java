package nl.mboconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.mboconnect.gateway.testsupport.RunningGateway;
import nl.mboconnect.gateway.testsupport.SessionDocuments;
import nl.mboconnect.gateway.testsupport.Visitor;
import nl.mboconnect.platform.testing.FreePorts;
import nl.mboconnect.platform.testing.KeycloakAdmin;
import nl.mboconnect.platform.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Members signing in at the real Keycloak (one per test JVM, with the realm), with a plain HTTP
 * client, against whole gateways whose sessions live in a real MongoDB-wire server: floods of login
 * starts, restarts, two gateways on one store, another local address. The realm expects the gateway
 * back on {@code keycloak.gatewayPort()}, so the gateway that signs members in listens there.
 */
class SignedInSessionsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "mboconnect";
    static TestInfrastructure.Keycloak keycloak;
    static FakeDownstream services;
    static String database;
    static SessionDocuments sessions;
    static int port;
    static String site;

    @BeforeAll
    static void start() throws Exception {
        keycloak = TestInfrastructure.keycloak();
        services = new FakeDownstream(0);
        database = TestInfrastructure.mongoUri("gateway-signed-in-test");
        sessions = new SessionDocuments(database);
        port = keycloak.gatewayPort();
        site = "http://localhost:" + port;
    }

    @AfterAll
    static void stop() {
        sessions.close();
        services.close();
    }

    @BeforeEach
    void emptyStore() {
        sessions.deleteAll();
    }

    static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("spring.mongodb.uri", database);
        settings.put("mbo.keycloak.url", keycloak.url());
        settings.put("mbo.site-url", site);
        for (String service : new String[] { "membership", "knowledge", "events", "polls" }) {
            settings.put("mbo.services." + service, "http://localhost:" + services.port(0));
        }
        return settings;
    }

    static Map<String, String> settings(String key, String value) {
        Map<String, String> settings = settings();
        settings.put(key, value);
        return settings;
    }

    @Test
    void aFloodOfLoginStartsIsTurnedAwayWhileAMemberElsewhereSignsInAndWorks() {
        try (RunningGateway gateway = RunningGateway.start(port, settings())) {
            Flood flood = flood(gateway.url() + "/oauth2/authorization/keycloak", loopback(2), 32_000);

            long admitted = flood.count(302);
            assertThat(flood.statuses().keySet()).containsOnly(302, 429);
            // 30 at once, then 30 a minute
            assertThat(admitted).isBetween(30L, 31L + flood.took().toSeconds() / 2);
            assertThat(sessions.count()).isEqualTo(admitted);
            System.out.printf("flood: %d login starts in %d ms, %s; %d session documents%n", flood.requests(),
                    flood.took().toMillis(), flood.statuses(), sessions.count());

            Visitor member = new Visitor();
            assertThat(member.signIn(site, "sanne", PASSWORD).statusCode()).isEqualTo(200);
            assertSignedIn(member, gateway.url(), "Sanne de Vries");
            assertThat(relayedToken(member, gateway.url())).isNotNull();
        }
    }

    /**
     * "Download my data" asks every service for its part with the member's own token, and names the
     * services that did not give it (one nobody listens for, one that answers 503) instead of failing.
     */
    @Test
    void theExportGathersEachServicesPartAndNamesTheMissingOnes() {
        Map<String, String> settings = settings("mbo.services.knowledge", "http://localhost:" + FreePorts.find());
        try (RunningGateway gateway = RunningGateway.start(port, settings)) {
            HttpResponse<String> anonymous = new Visitor().get(gateway.url() + "/bff/personal-data");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

            Visitor member = new Visitor();
            assertThat(member.signIn(site, "sanne", PASSWORD).statusCode()).isEqualTo(200);
            HttpResponse<String> download = member.get(gateway.url() + "/bff/personal-data");

            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment; filename=\"mbo-connect-mijn-gegevens-");
            JsonNode export = JSON.readTree(download.body());
            assertThat(export.path("username").asString()).isEqualTo("sanne");
            assertThat(export.path("services").propertyNames()).containsExactly("membership", "events");
            JsonNode membership = export.path("services").path("membership");
            assertThat(membership.path("path").asString()).isEqualTo("/api/membership/me/personal-data");
            assertThat(membership.path("authorization").asString()).startsWith("Bearer ey");
            assertThat(membership.path("cookie").isNull()).isTrue();
            assertThat(export.path("missing").toString())
                    .contains("{\"service\":\"knowledge\",\"reason\":\"niet bereikbaar (unreachable)\"}")
                    .contains("{\"service\":\"polls\",\"reason\":\"antwoordde 503 (answered with an error)\"}");
        }
    }

    @Test
    void withoutTheRateLimitTheStoreHoldsMoreSessionsThanTheOldInMemoryLimitOf10000() {
        try (RunningGateway gateway = RunningGateway.start(port,
                settings("mbo.gateway.rate-limit.login.capacity", "1000000"))) {
            Flood flood = flood(gateway.url() + "/oauth2/authorization/keycloak", loopback(3), 12_000);

            assertThat(flood.statuses()).containsOnlyKeys(302);
            assertThat(sessions.count()).isEqualTo(12_000);
            System.out.printf("unlimited flood: %d login starts in %d ms, %s; %d session documents%n",
                    flood.requests(), flood.took().toMillis(), flood.statuses(), sessions.count());

            Visitor member = new Visitor();
            assertThat(member.signIn(site, "sanne", PASSWORD).statusCode()).isEqualTo(200);
            assertSignedIn(member, gateway.url(), "Sanne de Vries");
        }
    }

    @Test
    void aLoginStartLivesTenMinutesAndTheSignedInSessionThirtyUnderANewId() {
        try (RunningGateway gateway = RunningGateway.start(port, settings())) {
            Visitor member = new Visitor();
            member.get(gateway.url() + "/oauth2/authorization/keycloak");
            String started = member.cookie("localhost", "MBO_SESSION");
            assertThat(sessions.expiresAt(started))
                    .isCloseTo(Instant.now().plus(Duration.ofMinutes(10)), within(15, ChronoUnit.SECONDS));

            member.signIn(site, "sanne", PASSWORD);
            String signedIn = member.cookie("localhost", "MBO_SESSION");
            assertThat(signedIn).isNotEqualTo(started);
            assertThat(sessions.exists(started)).isFalse();
            assertThat(sessions.expiresAt(signedIn))
                    .isCloseTo(Instant.now().plus(Duration.ofMinutes(30)), within(15, ChronoUnit.SECONDS));
            assertThat(sessions.count()).isEqualTo(1);
        }
    }

    @Test
    void aSignedInMemberStaysSignedInWithTheirTokenAcrossAGatewayRestart() {
        Visitor member = new Visitor();
        String token;
        try (RunningGateway gateway = RunningGateway.start(port, settings())) {
            member.signIn(site, "joris", PASSWORD);
            assertSignedIn(member, gateway.url(), "Joris Bakker");
            token = relayedToken(member, gateway.url());
        }
        try (RunningGateway restarted = RunningGateway.start(port, settings())) {
            assertSignedIn(member, restarted.url(), "Joris Bakker");
            assertThat(relayedToken(member, restarted.url())).isEqualTo(token);
        }
    }

    @Test
    void twoGatewaysOnOneStoreServeTheSameSessionAndASignOutAtOneEndsItAtBoth() {
        try (RunningGateway first = RunningGateway.start(port, settings());
                RunningGateway second = RunningGateway.start(FreePorts.find(), settings())) {
            Visitor member = new Visitor();
            member.signIn(site, "noor", PASSWORD);
            String session = member.cookie("localhost", "MBO_SESSION");

            assertSignedIn(member, second.url(), "Noor El Amrani");
            assertThat(relayedToken(member, second.url())).isEqualTo(relayedToken(member, first.url()));
            assertThat(member.write("POST", second.url() + "/api/events/events", "{}").statusCode()).isEqualTo(200);

            HttpResponse<String> signOut = member.postForm(second.url() + "/logout",
                    Map.of("_csrf", member.cookie("localhost", "XSRF-TOKEN")));
            assertThat(signOut.statusCode()).isEqualTo(302);
            assertThat(Visitor.location(signOut).toString()).startsWith(keycloak.issuer());
            assertThat(sessions.exists(session)).isFalse();
            // and no other document keeps her tokens or her name: the session went whole
            assertThat(sessions.all()).noneMatch(stored -> stored.contains("noor") || stored.contains("Noor El Amrani"));
            assertThat(member.get(first.url() + "/bff/session", Map.of("Cookie", "MBO_SESSION=" + session)).body())
                    .contains("\"authenticated\":false");
        }
    }

    @Test
    void aMemberWhoOpensTheSiteAt127001IsSentOnceToTheSitesAddressAndSignsIn() {
        String elsewhere = "http://127.0.0.1:" + port;
        // without the site's address the gateway asks Keycloak to come back to 127.0.0.1, which it refuses
        try (RunningGateway followsRequests = RunningGateway.start(port, settings("mbo.site-url", ""))) {
            HttpResponse<String> refused = new Visitor().follow(new Visitor().get(elsewhere + "/oauth2/authorization/keycloak"));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).containsIgnoringCase("redirect_uri");
        }
        try (RunningGateway gateway = RunningGateway.start(port, settings())) {
            Visitor member = new Visitor();
            HttpResponse<String> home = member.get(elsewhere + "/");
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(Visitor.location(home)).isEqualTo(URI.create(site + "/"));
            assertThat(member.get(site + "/").statusCode()).isEqualTo(200);

            assertThat(member.signIn(elsewhere, "pieter", PASSWORD).statusCode()).isEqualTo(200);
            assertSignedIn(member, site, "Pieter Jansen");
        }
    }

    @Test
    void aSignedInMembersWritesAreNotLimitedLikeAnonymousOnes() {
        try (RunningGateway gateway = RunningGateway.start(port,
                settings("mbo.gateway.rate-limit.anonymous-writes.capacity", "1"))) {
            Visitor member = new Visitor();
            member.signIn(site, "sanne", PASSWORD);
            for (int i = 0; i < 5; i++) {
                assertThat(member.write("POST", site + "/api/events/events/1/registrations", "{}").statusCode())
                        .isEqualTo(200);
            }
            Visitor anonymous = new Visitor(loopback(4));
            anonymous.get(site + "/");
            assertThat(anonymous.write("POST", site + "/api/membership/callbacks", "{}").statusCode()).isEqualTo(200);
            assertThat(anonymous.write("POST", site + "/api/membership/callbacks", "{}").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void aRoleGivenAfterSigningInReachesTheSessionOnceAServiceSaysSoAndAnEndedKeycloakSessionEndsIt() {
        KeycloakAdmin admin = new KeycloakAdmin(keycloak.url());
        String username = "eva-" + UUID.randomUUID();
        admin.addMembers(List.of(username), PASSWORD, List.of("vriend"));
        String id = admin.userId(username);
        try (RunningGateway gateway = RunningGateway.start(port, settings())) {
            Visitor member = new Visitor();
            assertThat(member.signIn(site, username, PASSWORD).statusCode()).isEqualTo(200);
            assertThat(roles(member)).contains("vriend").doesNotContain("lid");

            admin.giveRealmRole(id, "lid"); // a beheerder's approval, carried out by membership-service
            assertThat(roles(member)).as("the token of before the change is still valid").doesNotContain("lid");
            HttpResponse<String> told = member.get(site + "/api/membership/members/me/roles-changed");
            assertThat(told.statusCode()).isEqualTo(200);
            assertThat(told.headers().firstValue("Mbo-Session-Changed")).contains("true");
            assertThat(told.headers().firstValue("Mbo-Roles-Changed")).as("the service's header stays inside").isEmpty();

            assertThat(roles(member)).contains("vriend", "lid");
            assertThat(realmRoles(relayedToken(member, site))).contains("lid");
            assertSignedIn(member, site, "Lid " + username);

            admin.signOut(id); // Keycloak's session ends: the refresh token is worthless now
            member.get(site + "/api/membership/members/me/roles-changed");
            assertThat(member.get(site + "/bff/session").body()).contains("\"authenticated\":false");
        }
    }

    private static List<String> roles(Visitor member) {
        JsonNode view = JSON.readTree(member.get(site + "/bff/session").body());
        List<String> roles = new ArrayList<>();
        view.get("roles").forEach(role -> roles.add(role.asString()));
        return roles;
    }

    private static List<String> realmRoles(String token) {
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        List<String> roles = new ArrayList<>();
        claims.get("realm_access").get("roles").forEach(role -> roles.add(role.asString()));
        return roles;
    }

    private static void assertSignedIn(Visitor member, String gateway, String name) {
        HttpResponse<String> session = member.get(gateway + "/bff/session");
        assertThat(session.statusCode()).isEqualTo(200);
        JsonNode view = JSON.readTree(session.body());
        assertThat(view.get("authenticated").asBoolean()).as(session.body()).isTrue();
        assertThat(view.get("name").asString()).isEqualTo(name);
    }

    /** The access token the gateway relays for this member to a service (the stand-in echoes it). */
    private static String relayedToken(Visitor member, String gateway) {
        HttpResponse<String> echo = member.get(gateway + "/api/membership/members/me");
        assertThat(echo.statusCode()).isEqualTo(200);
        String authorization = JSON.readTree(echo.body()).get("authorization").asString();
        assertThat(authorization).startsWith("Bearer ");
        String token = authorization.substring("Bearer ".length());
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertThat(claims.get("iss").asString()).isEqualTo(keycloak.issuer());
        return token;
    }

    record Flood(int requests, Duration took, Map<Integer, Long> statuses) {

        long count(int status) {
            return statuses.getOrDefault(status, 0L);
        }
    }

    /** {@code requests} GETs from {@code from}, 64 at a time, without cookies; how they were answered (-1: no answer). */
    static Flood flood(String url, InetAddress from, int requests) {
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        int concurrency = 64;
        Semaphore inFlight = new Semaphore(concurrency);
        Instant started = Instant.now();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).localAddress(from).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
            for (int i = 0; i < requests; i++) {
                inFlight.acquire();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    statuses.computeIfAbsent(error == null ? response.statusCode() : -1, key -> new LongAdder())
                            .increment();
                    inFlight.release();
                });
            }
            inFlight.acquire(concurrency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<Integer, Long> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.sum()));
        return new Flood(requests, Duration.between(started, Instant.now()), counted);
    }

    static InetAddress loopback(int last) {
        try {
            return InetAddress.getByName("127.0.0." + last);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

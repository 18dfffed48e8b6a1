package nl.mboconnect.platform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Access tokens shaped like Keycloak's, signed with a test key whose JWKS this class serves on a
 * free port. Service tests point the resource server at {@link #issuer()} and {@link #jwkSetUri()}
 * and call their API as any member, without starting Keycloak. The system test uses the real one.
 */
public final class TestTokens {

    public static final String REALM_PATH = "/realms/mbo-connect";
    public static final String AUDIENCE = "mbo-connect-api";

    private static final class Holder {
        static final TestTokens INSTANCE = new TestTokens();
    }

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final HttpServer server;
    private final String issuer;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            strangerKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext(REALM_PATH + "/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "test-jwks");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        issuer = "http://localhost:" + server.getAddress().getPort() + REALM_PATH;
    }

    private static TestTokens instance() {
        return Holder.INSTANCE;
    }

    public static String issuer() {
        return instance().issuer;
    }

    public static String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** A token for a member with these realm roles; refine it with the builder's methods. */
    public static Builder member(String username, String... roles) {
        return new Builder(username).roles(roles);
    }

    /** A token as Keycloak issues to a partner's service account (client credentials). */
    public static Builder partner(String clientId) {
        Builder builder = new Builder("service-account-" + clientId).roles("partner");
        builder.claims.put("azp", clientId);
        builder.claims.put("client_id", clientId);
        builder.claims.remove("name");
        builder.claims.remove("given_name");
        builder.claims.remove("family_name");
        builder.claims.remove("email");
        return builder;
    }

    public static final class Builder {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(5);
        private boolean forged;

        private Builder(String username) {
            claims.put("iss", TestTokens.issuer());
            claims.put("aud", List.of(AUDIENCE));
            claims.put("sub", UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString());
            claims.put("typ", "Bearer");
            claims.put("azp", "gateway");
            claims.put("preferred_username", username);
            String name = Character.toUpperCase(username.charAt(0)) + username.substring(1);
            claims.put("given_name", name);
            claims.put("family_name", "Test");
            claims.put("name", name + " Test");
            claims.put("email", username + "@example.org");
        }

        public Builder subject(String subject) {
            claims.put("sub", subject);
            return this;
        }

        public Builder name(String given, String family) {
            claims.put("given_name", given);
            claims.put("family_name", family);
            claims.put("name", given + " " + family);
            return this;
        }

        public Builder email(String email) {
            claims.put("email", email);
            return this;
        }

        public Builder roles(String... roles) {
            claims.put("realm_access", Map.of("roles", List.of(roles)));
            return this;
        }

        public Builder claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        public Builder audience(String... audiences) {
            claims.put("aud", List.of(audiences));
            return this;
        }

        public Builder issuer(String issuer) {
            claims.put("iss", issuer);
            return this;
        }

        public Builder expired() {
            issuedAt = Instant.now().minus(Duration.ofHours(1));
            lifetime = Duration.ofMinutes(5);
            return this;
        }

        /** Signed with a key the issuer never published, under the same key id. */
        public Builder forged() {
            forged = true;
            return this;
        }

        /** A token issued at that moment (before a change of roles, say). */
        public Builder issuedAt(Instant at) {
            issuedAt = at;
            return this;
        }

        public String subjectId() {
            return (String) claims.get("sub");
        }

        public String token() {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)));
            claims.forEach((name, value) -> set.claim(name, value instanceof List<?> list ? new ArrayList<>(list) : value));
            RSAKey signingKey = forged ? instance().strangerKey : instance().key;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), set.build());
            try {
                jwt.sign(new RSASSASigner(signingKey));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        /** {@code Bearer <token>}, for an Authorization header. */
        public String bearer() {
            return "Bearer " + token();
        }
    }
}

package nl.mboconnect.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A trivial downstream service: answers every request with a JSON echo of what arrived
 * (method, path, query, Authorization and Cookie headers). Paths ending in /secret answer
 * 401 with WWW-Authenticate: Bearer when no Authorization header arrived; paths ending in
 * /roles-changed answer as membership-service does to a token older than a role change
 * ({@code Mbo-Roles-Changed: true}); polls' part of a member's export answers 503, as a service
 * that is there but cannot serve it. It also serves an
 * OIDC discovery document, so the gateway can prepare a login without Keycloak.
 */
final class FakeDownstream implements AutoCloseable {

    private final List<HttpServer> servers = new ArrayList<>();

    FakeDownstream(int... ports) throws IOException {
        for (int port : ports) {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            String name = "service-" + server.getAddress().getPort();
            server.createContext("/", (exchange) -> handle(name, exchange));
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            this.servers.add(server);
        }
    }

    int port(int index) {
        return this.servers.get(index).getAddress().getPort();
    }

    private static void handle(String name, HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        if (exchange.getRequestURI().getPath().endsWith("/.well-known/openid-configuration")) {
            discovery(exchange);
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        String path = exchange.getRequestURI().getRawPath();
        int status = 200;
        if (path.equals("/api/polls/me/personal-data")) {
            status = 503;
        }
        if (path.endsWith("/secret") && authorization == null) {
            status = 401;
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
        }
        String json = "{\"service\":" + quote(name) + ",\"method\":" + quote(exchange.getRequestMethod())
                + ",\"path\":" + quote(path) + ",\"query\":" + quote(exchange.getRequestURI().getRawQuery())
                + ",\"authorization\":" + quote(authorization) + ",\"cookie\":" + quote(cookie) + "}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (path.endsWith("/roles-changed")) {
            exchange.getResponseHeaders().add("Mbo-Roles-Changed", "true");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Minimal OIDC discovery document, so tests can use issuer-uri without Keycloak. */
    private static void discovery(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String issuer = "http://" + exchange.getRequestHeaders().getFirst("Host")
                + path.substring(0, path.indexOf("/.well-known/"));
        String oidc = issuer + "/protocol/openid-connect";
        String json = "{\"issuer\":" + quote(issuer) + ",\"authorization_endpoint\":" + quote(oidc + "/auth")
                + ",\"token_endpoint\":" + quote(oidc + "/token") + ",\"userinfo_endpoint\":"
                + quote(oidc + "/userinfo") + ",\"jwks_uri\":" + quote(oidc + "/certs")
                + ",\"end_session_endpoint\":" + quote(oidc + "/logout")
                + ",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"]"
                + ",\"id_token_signing_alg_values_supported\":[\"RS256\"]"
                + ",\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"]"
                + ",\"code_challenge_methods_supported\":[\"S256\"]}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        this.servers.forEach((server) -> server.stop(0));
    }
}

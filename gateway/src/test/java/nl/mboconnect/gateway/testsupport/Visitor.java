package nl.mboconnect.gateway.testsupport;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Someone with a plain HTTP client and a cookie jar, who signs in on Keycloak's own login form the
 * way a browser would, without a browser. Like a browser on localhost, the jar keeps cookies per
 * host (not per port) and sends {@code Secure} cookies over plain http to localhost too.
 */
public final class Visitor {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final HttpClient http;
    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

    public Visitor() {
        this(null);
    }

    /** @param from the local address to send from (anything in 127.0.0.0/8 on Linux), or null */
    public Visitor(InetAddress from) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5));
        if (from != null) {
            builder.localAddress(from);
        }
        this.http = builder.build();
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** A JSON write as the site's pages make it: with the XSRF token from its cookie. */
    public HttpResponse<String> write(String method, String url, String json) {
        return write(method, url, json, Map.of());
    }

    /** The same with more headers, e.g. a script's own {@code Authorization}. */
    public HttpResponse<String> write(String method, String url, String json, Map<String, String> headers) {
        String token = cookie(URI.create(url).getHost(), "XSRF-TOKEN");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        return send(request);
    }

    public HttpResponse<String> postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows redirects like a browser, up to ten; the last answer. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        for (int hop = 0; hop < 10 && isRedirect(response); hop++) {
            response = get(location(response).toString());
        }
        return response;
    }

    /** Starts signing in at {@code site}, fills in Keycloak's form, and comes back; the gateway's last answer. */
    public HttpResponse<String> signIn(String site, String username, String password) {
        HttpResponse<String> loginPage = follow(get(site + "/oauth2/authorization/keycloak"));
        if (loginPage.statusCode() != 200) {
            throw new IllegalStateException("no login page: " + loginPage.statusCode() + " " + loginPage.uri());
        }
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        if (!form.find()) {
            throw new IllegalStateException("no login form at " + loginPage.uri());
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new IllegalStateException("the login form has no action");
        }
        HttpResponse<String> back = postForm(action.group(1).replace("&amp;", "&"),
                Map.of("username", username, "password", password, "credentialId", ""));
        if (!isRedirect(back)) {
            throw new IllegalStateException("Keycloak did not sign " + username + " in: " + back.statusCode());
        }
        return follow(back);
    }

    /** A cookie this visitor holds for {@code host}, or null. */
    public String cookie(String host, String name) {
        return cookies.getOrDefault(host, Map.of()).get(name);
    }

    public void forget(String host, String name) {
        Map<String, String> jar = cookies.get(host);
        if (jar != null) {
            jar.remove(name);
        }
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() >= 300 && response.statusCode() < 400
                && response.headers().firstValue("Location").isPresent();
    }

    public static URI location(HttpResponse<?> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        URI uri = request.build().uri();
        Map<String, String> jar = cookies.getOrDefault(uri.getHost(), Map.of());
        if (!jar.isEmpty()) {
            request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            keep(uri.getHost(), response);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(String host, HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                Map<String, String> jar = cookies.computeIfAbsent(host, key -> new ConcurrentHashMap<>());
                if (cookie.getMaxAge() == 0) {
                    jar.remove(cookie.getName());
                } else {
                    jar.put(cookie.getName(), cookie.getValue());
                }
            }
        }
    }
}

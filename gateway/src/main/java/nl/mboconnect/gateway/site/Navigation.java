package nl.mboconnect.gateway.site;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Whether a request is a person's browser opening a page (and so gets pages, redirects to sign in
 * and error pages in the site's shell), or a script's call (the API, the session endpoint,
 * operations), which gets status codes and problem+json, never a page.
 */
public final class Navigation {

    /** Where a sign-in that failed or was cancelled at Keycloak ends: a page that says so, with a way on. */
    public static final String SIGN_IN_FAILED = "/inloggen-mislukt";

    private Navigation() {
    }

    public static boolean isPage(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        if (path.startsWith("/api/") || path.startsWith("/bff/") || path.startsWith("/actuator/")) {
            return false;
        }
        String mode = request.getHeaders().getFirst("Sec-Fetch-Mode");
        return mode != null ? "navigate".equals(mode)
                : request.getHeaders().getAccept().stream().anyMatch(type -> "html".equals(type.getSubtype()));
    }

    /** A page asked for to be read (not a form's post). */
    public static boolean isPageRead(ServerHttpRequest request) {
        return (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))
                && isPage(request);
    }
}

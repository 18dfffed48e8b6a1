package nl.mboconnect.gateway.security;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * Sends a page navigation that reached the gateway under another host name (127.0.0.1, [::1], the
 * machine's name) once to the same path at the site's own address. Keycloak knows only that address
 * as the way back from signing in, and the session cookie belongs to one host, so a login started
 * elsewhere could never finish. API calls, the session endpoint and operations answer under any
 * name, as before.
 *
 * <p>Only the host name is compared, not scheme or port: behind a proxy that ends TLS the gateway
 * sees {@code http} and its own port, and comparing those would redirect forever. The proxy must
 * pass the {@code Host} header on (or a deployment sets {@code server.forward-headers-strategy}).
 */
final class CanonicalOrigin implements WebFilter {

    private final URI site;

    /** @param site the site's address, e.g. {@code https://mboconnect.nl}; null to answer under any name */
    CanonicalOrigin(URI site) {
        this.site = site;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (site == null || !isPageNavigation(request) || sameHost(request.getURI(), site)) {
            return chain.filter(exchange);
        }
        URI target = UriComponentsBuilder.fromUri(site)
                .replacePath(request.getURI().getRawPath())
                .replaceQuery(request.getURI().getRawQuery())
                .build(true).toUri();
        exchange.getResponse().setStatusCode(HttpStatus.FOUND);
        exchange.getResponse().getHeaders().setLocation(target);
        return exchange.getResponse().setComplete();
    }

    private static boolean isPageNavigation(ServerHttpRequest request) {
        if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())) {
            return false;
        }
        String path = request.getPath().pathWithinApplication().value();
        return !(path.startsWith("/api/") || path.startsWith("/bff/") || path.startsWith("/actuator/"));
    }

    private static boolean sameHost(URI requested, URI site) {
        String host = requested.getHost();
        return host != null && host.toLowerCase(Locale.ROOT).equals(site.getHost().toLowerCase(Locale.ROOT));
    }
}

package nl.mboconnect.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Whether a request carries its own access token from the platform's Keycloak (a partner's system,
 * a script, the benchmark), checked as the services check it: Keycloak's signature, the issuer, not
 * expired. The gateway relays such a request as it came; the services still decide what the token
 * may do. A token that does not check out counts as none.
 */
@Component
public class ApiTokens {

    private static final String BEARER = "Bearer ";
    private final NimbusReactiveJwtDecoder decoder;

    ApiTokens(KeycloakProperties keycloak) {
        String base = keycloak.backchannelUrl() == null || keycloak.backchannelUrl().isBlank() ? keycloak.url()
                : keycloak.backchannelUrl();
        // Keycloak's keys, fetched once and again only for a key id it has not seen
        this.decoder = NimbusReactiveJwtDecoder
                .withJwkSetUri(base + "/realms/" + keycloak.realm() + "/protocol/openid-connect/certs").build();
        this.decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(keycloak.issuer()));
    }

    public Mono<Boolean> carriesValidToken(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.just(false);
        }
        return decoder.decode(authorization.substring(BEARER.length()).trim()).map(jwt -> true)
                .onErrorReturn(false);
    }
}

package nl.mboconnect.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * When the member's token can no longer be refreshed (their Keycloak session ended), the token
 * relay would answer an API call with a 500 and then a redirect to Keycloak. An API call gets a 401
 * instead and the gateway session ends, so the page can offer to sign in again.
 */
@Component
class TokenRelayFailureFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(TokenRelayFailureFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(ClientAuthorizationException.class, error -> {
            log.info("token of this session cannot be refreshed ({}); session ended",
                    error.getError().getErrorCode());
            exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
            return exchange.getSession().flatMap(WebSession::invalidate).then(exchange.getResponse().setComplete());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

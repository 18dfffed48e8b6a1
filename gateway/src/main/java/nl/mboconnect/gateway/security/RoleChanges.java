package nl.mboconnect.gateway.security;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * A service that knows a member's roles changed after their token was issued (membership-service,
 * when a beheerder made them lid) says so with {@value #ROLES_CHANGED}. The gateway then marks the
 * session's token as expired, so the next request refreshes it and takes the new roles into the
 * session, and tells the page with {@value #SESSION_CHANGED} that it may ask for the session again.
 * The service's header never reaches the browser.
 */
@Component
class RoleChanges implements GlobalFilter, Ordered {

    static final String ROLES_CHANGED = "Mbo-Roles-Changed";
    static final String SESSION_CHANGED = "Mbo-Session-Changed";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            if (headers.getFirst(ROLES_CHANGED) == null) {
                return Mono.empty();
            }
            headers.remove(ROLES_CHANGED);
            return exchange.getSession().flatMap(session -> {
                if (!SessionTokens.outdate(session)) {
                    return Mono.empty();
                }
                headers.set(SESSION_CHANGED, "true");
                return session.save();
            });
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}

package nl.mboconnect.gateway.session;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * Tells the site who is signed in. Never shows a token. The member's token is refreshed here first
 * when it has expired (or a service said their roles changed), so the roles shown are those of now.
 */
@RestController
class SessionResource {

    private final ReactiveOAuth2AuthorizedClientManager clients;

    SessionResource(ReactiveOAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    /** The roles the site knows; Keycloak's own (offline_access, …) are left out. */
    static final Set<String> PLATFORM_ROLES = Set.of("vriend", "lid", "redacteur", "beheerder", "partner");

    record SessionView(boolean authenticated, String name, String username, List<String> roles) {

        static final SessionView ANONYMOUS = new SessionView(false, null, null, List.of());
    }

    @GetMapping("/bff/session")
    Mono<SessionView> session(Mono<Authentication> authentication, ServerWebExchange exchange) {
        return authentication.filter(signedIn -> signedIn.getPrincipal() instanceof OidcUser)
                .flatMap(signedIn -> current(signedIn, exchange))
                .defaultIfEmpty(SessionView.ANONYMOUS);
    }

    /**
     * The member with the roles of their current token: a refresh puts the new roles into the
     * session's security context, read here again. A token that can no longer be refreshed (the
     * Keycloak session ended) ends this session too.
     */
    private Mono<SessionView> current(Authentication signedIn, ServerWebExchange exchange) {
        if (!(signedIn instanceof OAuth2AuthenticationToken oauth)) {
            return Mono.just(view(signedIn));
        }
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
                .withClientRegistrationId(oauth.getAuthorizedClientRegistrationId()).principal(signedIn)
                .attribute(ServerWebExchange.class.getName(), exchange).build();
        return clients.authorize(request)
                .then(exchange.getSession().mapNotNull(SessionResource::stored))
                .defaultIfEmpty(signedIn)
                .map(SessionResource::view)
                .onErrorResume(ClientAuthorizationException.class, expired -> exchange.getSession()
                        .flatMap(WebSession::invalidate).thenReturn(SessionView.ANONYMOUS));
    }

    private static Authentication stored(WebSession session) {
        Object context = session.getAttribute(
                org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME);
        return context instanceof org.springframework.security.core.context.SecurityContext security
                ? security.getAuthentication() : null;
    }

    private static SessionView view(Authentication authentication) {
        OidcUser member = (OidcUser) authentication.getPrincipal();
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .filter(PLATFORM_ROLES::contains)
                .sorted()
                .toList();
        String name = member.getFullName() != null ? member.getFullName() : member.getPreferredUsername();
        return new SessionView(true, name, member.getPreferredUsername(), roles);
    }
}

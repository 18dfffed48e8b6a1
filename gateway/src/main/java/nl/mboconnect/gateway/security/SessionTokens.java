package nl.mboconnect.gateway.security;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * Each session keeps its own member's tokens (Boot's default keeps them in memory, keyed by user
 * name across sessions, so a restart would leave members signed in without a token). Unlike
 * Spring's {@code WebSessionServerOAuth2AuthorizedClientRepository}, only the tokens go into the
 * session, not the whole client registration: a stored session then holds neither the client
 * secret nor Keycloak's discovery document (whose nested JSON objects Spring Security's Jackson
 * allowlist refuses to read back), and a changed secret or Keycloak address applies to every
 * session at once.
 */
final class SessionTokens implements ServerOAuth2AuthorizedClientRepository {

    private static final String PREFIX = SessionTokens.class.getName() + ".";

    private final ReactiveClientRegistrationRepository clients;

    SessionTokens(ReactiveClientRegistrationRepository clients) {
        this.clients = clients;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String registrationId,
            Authentication principal, ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> {
            Map<String, Object> attributes = session.getAttributes();
            OAuth2AccessToken access = (OAuth2AccessToken) attributes.get(key(registrationId, "access"));
            String owner = (String) attributes.get(key(registrationId, "principal"));
            if (access == null || owner == null) {
                return Mono.empty();
            }
            OAuth2RefreshToken refresh = (OAuth2RefreshToken) attributes.get(key(registrationId, "refresh"));
            return clients.findByRegistrationId(registrationId)
                    .map(registration -> (T) new OAuth2AuthorizedClient(registration, owner, access, refresh));
        });
    }

    @Override
    public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
            ServerWebExchange exchange) {
        String registrationId = client.getClientRegistration().getRegistrationId();
        return exchange.getSession().doOnNext(session -> {
            Map<String, Object> attributes = session.getAttributes();
            OAuth2AccessToken before = (OAuth2AccessToken) attributes.get(key(registrationId, "access"));
            if (before != null && !before.getTokenValue().equals(client.getAccessToken().getTokenValue())) {
                withRolesOf(client.getAccessToken(), session);
            }
            attributes.put(key(registrationId, "principal"), client.getPrincipalName());
            attributes.put(key(registrationId, "access"), client.getAccessToken());
            if (client.getRefreshToken() != null) {
                attributes.put(key(registrationId, "refresh"), client.getRefreshToken());
            } else {
                attributes.remove(key(registrationId, "refresh"));
            }
        }).then();
    }

    @Override
    public Mono<Void> removeAuthorizedClient(String registrationId, Authentication principal,
            ServerWebExchange exchange) {
        return exchange.getSession().doOnNext(session -> {
            for (String part : new String[] { "principal", "access", "refresh" }) {
                session.getAttributes().remove(key(registrationId, part));
            }
        }).then();
    }

    /**
     * Marks the session's access token as expired, so the next use refreshes it and with it the
     * member's roles: a service said its roles changed after it was issued. False without a token.
     */
    static boolean outdate(WebSession session) {
        String access = key(KeycloakClientRegistrations.REGISTRATION_ID, "access");
        if (!(session.getAttributes().get(access) instanceof OAuth2AccessToken token)) {
            return false;
        }
        Instant issued = token.getIssuedAt() != null ? token.getIssuedAt() : Instant.now().minusSeconds(2);
        session.getAttributes().put(access, new OAuth2AccessToken(token.getTokenType(), token.getTokenValue(),
                issued, issued.plusMillis(1), token.getScopes()));
        return true;
    }

    /** The session's signed-in member with the realm roles of a new access token instead of the old ones. */
    private static void withRolesOf(OAuth2AccessToken token, WebSession session) {
        String attribute = WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;
        if (!(session.getAttributes().get(attribute) instanceof SecurityContext context)
                || !(context.getAuthentication() instanceof OAuth2AuthenticationToken signedIn)
                || !(signedIn.getPrincipal() instanceof OidcUser member)) {
            return;
        }
        Set<GrantedAuthority> authorities = new HashSet<>();
        signedIn.getAuthorities().stream().filter(authority -> !authority.getAuthority().startsWith("ROLE_"))
                .forEach(authorities::add);
        SecurityConfiguration.realmRoles(token.getTokenValue())
                .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        if (authorities.equals(new HashSet<>(signedIn.getAuthorities()))) {
            return;
        }
        OidcUser renewed = PlainMember.of(authorities, member.getIdToken(), member.getUserInfo(), "preferred_username");
        session.getAttributes().put(attribute, new SecurityContextImpl(
                new OAuth2AuthenticationToken(renewed, authorities, signedIn.getAuthorizedClientRegistrationId())));
    }

    private static String key(String registrationId, String part) {
        return PREFIX + registrationId + "." + part;
    }
}

package nl.mboconnect.gateway.security;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.web.server.ServerWebExchange;

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

    private static String key(String registrationId, String part) {
        return PREFIX + registrationId + "." + part;
    }
}

package nl.mboconnect.platform.service;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own URL rules, applied before the default that every other request needs a valid
 * token. Declare one as a bean, e.g. to let anonymous visitors read public events:
 * {@code rules -> rules.requestMatchers(GET, "/api/events/public/**").permitAll()}.
 * Finer rules (roles, ownership) belong on the resource methods and in the domain.
 */
@FunctionalInterface
public interface EndpointAuthorization {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}

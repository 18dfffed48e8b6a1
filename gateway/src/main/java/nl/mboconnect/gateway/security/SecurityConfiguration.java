package nl.mboconnect.gateway.security;

import java.net.URI;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import com.nimbusds.jwt.JWTParser;

import nl.mboconnect.gateway.language.Language;
import nl.mboconnect.gateway.ratelimit.RateLimits;
import nl.mboconnect.gateway.site.Navigation;
import nl.mboconnect.gateway.site.SiteErrors;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as a backend for the site (BFF): members sign in at Keycloak (authorization code
 * with PKCE), the tokens stay in the server-side session and the browser holds only an HttpOnly
 * session cookie; the session's access token is relayed to the services, which decide 401/403.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String LOGIN_PATH = "/oauth2/authorization/" + KeycloakClientRegistrations.REGISTRATION_ID;
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final URI site;
    private final boolean secureCookies;

    /**
     * @param siteUrl       the site's own address ({@code mbo.site-url}), where Keycloak sends members back;
     *                      empty to build it from each request, as in tests on a random port
     * @param secureCookies whether the site's cookies are {@code Secure}, as the session cookie is
     */
    SecurityConfiguration(@Value("${mbo.site-url:}") String siteUrl,
            @Value("${server.reactive.session.cookie.secure:true}") boolean secureCookies) {
        String trimmed = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        this.site = trimmed.isBlank() ? null : URI.create(trimmed);
        this.secureCookies = secureCookies;
    }

    /**
     * A call to {@code /api/**} from a client with no session at the gateway: anonymous reads (the
     * agenda, a partner's feed) and a partner's system with its own token. Nothing of the session
     * applies to it: no session is looked up or made, no token relayed, no CSRF token made (a
     * request without the session cookie carries no credentials a forged page could use, and a
     * write without its own token still goes through {@link #gatewaySecurity} and its CSRF check).
     * The security headers and the limit on anonymous writes stay. This is most of the API's
     * traffic; the short way took about a third off the gateway's CPU per agenda read.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain apiWithoutSession(ServerHttpSecurity http, KeycloakProperties keycloak,
            RateLimits rateLimits, @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
        http.securityMatcher(apiCallWithoutSession(sessionCookie))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(headers -> securityHeaders(headers, keycloak))
                .addFilterBefore(rateLimits::filterWithoutSession, SecurityWebFiltersOrder.CSRF);
        return http.build();
    }

    /**
     * {@code /api/**} without the session cookie, read-only or with a token of its own; everything
     * else (pages, sign-in, the session endpoint, a member's calls, anonymous writes) is the site's.
     */
    static ServerWebExchangeMatcher apiCallWithoutSession(String sessionCookie) {
        return exchange -> {
            var request = exchange.getRequest();
            boolean api = request.getPath().pathWithinApplication().value().startsWith("/api/");
            boolean lean = api && !request.getCookies().containsKey(sessionCookie)
                    && (SAFE_METHODS.contains(request.getMethod())
                            || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION));
            return lean ? MatchResult.match() : MatchResult.notMatch();
        };
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients,
            KeycloakProperties keycloak, RateLimits rateLimits, SiteErrors siteErrors) {
        http.authorizeExchange(exchanges -> exchanges
                        // the site, the session endpoint, operations and /api/**: the services decide
                        .anyExchange().permitAll())
                .oauth2Login(login -> login
                        .authorizationRequestResolver(withLanguage(clients))
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler(Navigation.SIGN_IN_FAILED)))
                .oauth2Client(Customizer.withDefaults())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint()))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens(secureCookies))
                        .requireCsrfProtectionMatcher(csrfProtected())
                        // plain token: the page copies the cookie's value into the header
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        // not Spring's plain-text 403: a Dutch page for a stale form, problem+json for scripts
                        .accessDeniedHandler((exchange, denied) -> siteErrors.formExpired(exchange)))
                // the whole session goes, the tokens kept in it too (clearing the security context alone
                // left them in the store until the session expired: seen after an account's erasure)
                .logout(logout -> logout
                        .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
                                new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(endKeycloakSession(clients, baseUrl())))
                .headers(headers -> securityHeaders(headers, keycloak))
                .addFilterAfter(new CanonicalOrigin(site), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                // before CSRF and the login start: a refused request creates no session
                .addFilterBefore(rateLimits::filter, SecurityWebFiltersOrder.CSRF)
                .addFilterAfter(writeCsrfCookie(), SecurityWebFiltersOrder.CSRF);
        return http.build();
    }

    private static void securityHeaders(ServerHttpSecurity.HeaderSpec headers, KeycloakProperties keycloak) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(keycloak)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicy(permissions -> permissions
                        .policy("camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
                .frameOptions(frames -> frames.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY));
    }

    /**
     * Only the site's own files; forms may post to Keycloak too, because Chrome checks
     * {@code form-action} on the redirects after {@code POST /logout}, which end at Keycloak.
     */
    static String contentSecurityPolicy(KeycloakProperties keycloak) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + keycloak.url();
    }

    /**
     * Spring Security's own observations off (a span and a timer around each filter of the chain,
     * each authentication and authorization): the benchmark's profile of the gateway found them in
     * about a tenth of its CPU. The request's own observation and the trace it carries to the
     * service stay.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak, JsonMapper json) {
        return new KeycloakClientRegistrations(keycloak, json, baseUrl() + "/login/oauth2/code/{registrationId}");
    }

    /** The site's address, or Spring Security's placeholder for the address of each request. */
    private String baseUrl() {
        return site != null ? site.toString() : "{baseUrl}";
    }

    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients(ReactiveClientRegistrationRepository clients) {
        return new SessionTokens(clients);
    }

    /**
     * The member's realm roles, from the access token (Keycloak leaves them out of the ID token),
     * as authorities {@code ROLE_<role>}. The token came straight from Keycloak's token endpoint.
     */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> members() {
        OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
        return request -> delegate.loadUser(request).map(user -> {
            Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
            realmRoles(request.getAccessToken().getTokenValue())
                    .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            return PlainMember.of(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
        });
    }

    static List<String> realmRoles(String accessToken) {
        try {
            Object realmAccess = JWTParser.parse(accessToken).getJWTClaimsSet().getClaim("realm_access");
            if (realmAccess instanceof Map<?, ?> access && access.get("roles") instanceof List<?> roles) {
                return roles.stream().map(String::valueOf).toList();
            }
        } catch (ParseException notAJwt) {
            // an opaque token carries no roles
        }
        return List.of();
    }

    /**
     * A page the browser navigates to may send the member to Keycloak; everything else (fetch, the
     * API, the session endpoint, operations) gets a plain 401, never a redirect to a login page.
     */
    static ServerAuthenticationEntryPoint entryPoint() {
        ServerWebExchangeMatcher pageNavigation = exchange -> Navigation.isPage(exchange.getRequest())
                ? MatchResult.match() : MatchResult.notMatch();
        var delegating = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(pageNavigation, new RedirectServerAuthenticationEntryPoint(LOGIN_PATH)));
        delegating.setDefaultEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED));
        return delegating;
    }

    /** Keycloak's pages in the site's language: {@code ?lang=}, the visitor's choice, or Dutch. */
    static ServerOAuth2AuthorizationRequestResolver withLanguage(ReactiveClientRegistrationRepository clients) {
        var delegate = new DefaultServerOAuth2AuthorizationRequestResolver(clients);
        return new ServerOAuth2AuthorizationRequestResolver() {
            @Override
            public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
                return delegate.resolve(exchange).map(request -> withUiLocales(exchange, request));
            }

            @Override
            public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String registrationId) {
                return delegate.resolve(exchange, registrationId).map(request -> withUiLocales(exchange, request));
            }
        };
    }

    private static OAuth2AuthorizationRequest withUiLocales(ServerWebExchange exchange,
            OAuth2AuthorizationRequest request) {
        String language = Language.of(exchange.getRequest());
        return OAuth2AuthorizationRequest.from(request)
                .additionalParameters(parameters -> parameters.put("ui_locales", language))
                .build();
    }

    /** Logging out of the site ends the Keycloak session too, then comes back to the home page. */
    static OidcClientInitiatedServerLogoutSuccessHandler endKeycloakSession(ReactiveClientRegistrationRepository clients,
            String baseUrl) {
        var handler = new OidcClientInitiatedServerLogoutSuccessHandler(clients);
        handler.setPostLogoutRedirectUri(baseUrl + "/");
        handler.setLogoutSuccessUrl(URI.create("/"));
        return handler;
    }

    /** {@code XSRF-TOKEN}, readable by the page, which sends it back as {@code X-XSRF-TOKEN}. */
    static CookieServerCsrfTokenRepository csrfTokens(boolean secure) {
        CookieServerCsrfTokenRepository repository = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(secure));
        return repository;
    }

    /**
     * Every write needs the token, except a request with its own {@code Authorization} header (a
     * partner's system): a cross-site page cannot add that header, and no cookie is involved.
     */
    static ServerWebExchangeMatcher csrfProtected() {
        return exchange -> exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                ? MatchResult.notMatch()
                : CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange);
    }

    /** The CSRF token is made lazily; asking for it makes the repository write the cookie. */
    static WebFilter writeCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token != null ? token.then(chain.filter(exchange)) : chain.filter(exchange);
        };
    }
}

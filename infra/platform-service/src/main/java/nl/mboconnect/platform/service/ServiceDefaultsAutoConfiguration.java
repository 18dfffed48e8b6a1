package nl.mboconnect.platform.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;

import tools.jackson.databind.json.JsonMapper;

/**
 * What every service is, configured once: an OAuth2 resource server that checks the token's
 * issuer, audience and signature itself and knows Keycloak's realm roles; problem+json for every
 * error, 401 and 403 included; a MongoDB health check that works on every MongoDB we run on.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = { ServletWebSecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class })
@EnableMethodSecurity
@Import({ ProblemHandler.class, ApiDocumentation.class, PersonalDataResource.class })
public class ServiceDefaultsAutoConfiguration {

    private static final String[] OPERATIONS = { "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/error" };

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A database that does not answer is known as such within {@code mbo.mongodb.server-selection-timeout}
     * (5 s; the driver's own is 30 s), so a request gets its 503 and a consumer its next try soon.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer databaseAnswersSoonOrIsAway(
            @Value("${mbo.mongodb.server-selection-timeout:5s}") Duration timeout) {
        return settings -> settings.applyToClusterSettings(
                cluster -> cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The service's own database, named in {@code spring.mongodb.uri}. */
    @Bean
    @ConditionalOnMissingBean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurity(HttpSecurity http, ObjectProvider<EndpointAuthorization> serviceRules,
            JsonMapper json) throws Exception {
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(new Caller.RealmRoleAuthorities());
        tokens.setPrincipalClaimName("sub");
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no cookies, no sessions: a bearer token cannot be ridden by a cross-site request
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(OPERATIONS).permitAll();
                    rules.requestMatchers(ApiDocumentation.PATHS).permitAll();
                    serviceRules.orderedStream().forEach(service -> service.configure(rules));
                    rules.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(unauthenticated(json))
                        .accessDeniedHandler(forbidden(json)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthenticated(json))
                        .accessDeniedHandler(forbidden(json)));
        return http.build();
    }

    /**
     * Spring Security's own observations off: a span and a timer around each filter of the chain,
     * each authentication and each authorization, which the benchmark's profile showed costing a
     * good part of a request's CPU. The request's own observation stays ({@code http.server.requests}:
     * its timer, its span, the trace it continues), and so do refusals in the logs and metrics.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Ahead of every other filter, security included: a request turned away costs next to nothing. */
    @Bean
    FilterRegistrationBean<RequestLimit> requestLimit(
            @Value("${mbo.service.max-concurrent-requests:256}") int maxConcurrent, MeterRegistry meters) {
        FilterRegistrationBean<RequestLimit> registration = new FilterRegistrationBean<>(
                new RequestLimit(maxConcurrent, meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ErasedMembers erasedMembers(MongoDatabase database, Clock clock) {
        return new ErasedMembers(database, clock);
    }

    /**
     * A token whose subject erased their account is refused (401), though it has not expired: it
     * was issued before the erasure, and would otherwise bring the member back at its next request.
     */
    @Bean
    OAuth2TokenValidator<Jwt> noTokenOfAnErasedMember(ErasedMembers erased) {
        OAuth2Error removed = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "this account has been removed", null);
        return token -> erased.contains(token.getSubject()) ? OAuth2TokenValidatorResult.failure(removed)
                : OAuth2TokenValidatorResult.success();
    }

    /** Reported as {@code mongo}; Boot's own indicator backs off from this name. */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return new MongoPingHealthIndicator(database);
    }

    /** 401 with the bearer challenge header and a problem+json body. */
    private static AuthenticationEntryPoint unauthenticated(JsonMapper json) {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            challenge.commence(request, response, exception);
            write(json, response, ProblemHandler.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Authentication required", "A valid access token is required."));
        };
    }

    private static AccessDeniedHandler forbidden(JsonMapper json) {
        BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            challenge.handle(request, response, exception);
            write(json, response, ProblemHandler.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Your roles do not allow this."));
        };
    }

    private static void write(JsonMapper json, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

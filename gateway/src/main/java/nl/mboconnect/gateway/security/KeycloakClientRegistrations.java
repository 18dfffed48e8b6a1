package nl.mboconnect.gateway.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's client registration at Keycloak, found by OIDC discovery on first use rather than
 * at start-up: the gateway starts while Keycloak is still starting (the local run starts them side
 * by side), answers 503 on the login link until Keycloak answers, then works without a restart.
 *
 * <p>Discovery reads Keycloak's metadata over the back channel and insists that its issuer is the
 * one browsers see, so the same code works where the two differ (docker compose). The metadata is
 * kept, so logout can still end the Keycloak session ({@code end_session_endpoint}).
 */
class KeycloakClientRegistrations implements ReactiveClientRegistrationRepository {

    static final String REGISTRATION_ID = "keycloak";
    private static final Logger log = LoggerFactory.getLogger(KeycloakClientRegistrations.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final KeycloakProperties keycloak;
    private final JsonMapper json;
    private final String redirectUri;
    private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();
    private final Mono<ClientRegistration> discovery;

    /** @param redirectUri where Keycloak sends members back, as the realm lists it */
    KeycloakClientRegistrations(KeycloakProperties keycloak, JsonMapper json, String redirectUri) {
        this.keycloak = keycloak;
        this.json = json;
        this.redirectUri = redirectUri;
        // one discovery shared by concurrent first requests; a success is kept, a failure retried next time
        this.discovery = Mono.fromCallable(this::discover)
                .subscribeOn(Schedulers.boundedElastic())
                .cache(value -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return Mono.empty();
        }
        ClientRegistration known = registration.get();
        return (known != null ? Mono.just(known) : discovery).onErrorMap(
                error -> !(error instanceof ResponseStatusException),
                error -> {
                    log.warn("Keycloak discovery failed, retried at the next login: {}", error.toString());
                    return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Login is not available yet",
                            error);
                });
    }

    private ClientRegistration discover() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.discoveryUrl()))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("discovery at " + keycloak.discoveryUrl() + " answered " + response.statusCode());
        }
        Map<String, Object> metadata = json.readValue(response.body(), new TypeReference<Map<String, Object>>() {
        });
        if (!keycloak.issuer().equals(metadata.get("issuer"))) {
            throw new IOException("Keycloak's issuer is " + metadata.get("issuer") + ", expected " + keycloak.issuer());
        }
        ClientRegistration discovered = ClientRegistrations.fromOidcConfiguration(metadata)
                .registrationId(REGISTRATION_ID)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope("openid", "profile", "email")
                .userNameAttributeName("preferred_username")
                .build();
        registration.set(discovered);
        log.info("signed-in members come from {}", keycloak.issuer());
        return discovered;
    }
}

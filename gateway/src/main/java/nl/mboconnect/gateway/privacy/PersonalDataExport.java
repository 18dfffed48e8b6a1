package nl.mboconnect.gateway.privacy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;

import nl.mboconnect.gateway.BackendServices;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * "Download my data": everything the platform holds about the signed-in member, as one JSON
 * document with a part from each service. Each service serves its own part for the member's own
 * token ({@code /api/<service>/me/personal-data}); they are asked at once, and one that does not
 * answer in time, or answers with an error, is named under {@code missing} with the reason, so the
 * document is never silently incomplete and one service away never fails the whole export.
 */
@RestController
class PersonalDataExport {

    private final ReactiveOAuth2AuthorizedClientManager clients;
    private final WebClient http;
    private final Environment environment;
    private final Duration timeout;
    private final Clock clock = Clock.systemUTC();

    PersonalDataExport(ReactiveOAuth2AuthorizedClientManager clients,
            org.springframework.beans.factory.ObjectProvider<WebClient.Builder> http, Environment environment,
            @Value("${mbo.gateway.export-timeout:5s}") Duration timeout) {
        this.clients = clients;
        this.http = http.getIfAvailable(WebClient::builder).build();
        this.environment = environment;
        this.timeout = timeout;
    }

    /** A service's answer: its part, or why it is missing. */
    record Answer(String service, JsonNode part, String missing) {
    }

    record Missing(String service, String reason) {
    }

    record Export(String title, Instant generatedAt, String memberId, String username, Map<String, JsonNode> services,
            List<Missing> missing) {
    }

    @GetMapping("/bff/personal-data")
    Mono<ResponseEntity<?>> export(Mono<Authentication> authentication, ServerWebExchange exchange) {
        return authentication.filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .flatMap(member -> clients.authorize(OAuth2AuthorizeRequest
                        .withClientRegistrationId(member.getAuthorizedClientRegistrationId()).principal(member)
                        .attribute(ServerWebExchange.class.getName(), exchange).build())
                        .flatMap(client -> gather(member, client.getAccessToken().getTokenValue())))
                .<ResponseEntity<?>>map(this::download)
                .switchIfEmpty(Mono.fromSupplier(PersonalDataExport::signInFirst));
    }

    private Mono<Export> gather(OAuth2AuthenticationToken member, String token) {
        return Flux.fromIterable(BackendServices.NAMES).flatMapSequential(service -> ask(service, token)).collectList()
                .map(answers -> {
                    Map<String, JsonNode> parts = new LinkedHashMap<>();
                    List<Missing> missing = new ArrayList<>();
                    for (Answer answer : answers) {
                        if (answer.part() != null) {
                            parts.put(answer.service(), answer.part());
                        } else {
                            missing.add(new Missing(answer.service(), answer.missing()));
                        }
                    }
                    OidcUser user = (OidcUser) member.getPrincipal();
                    return new Export("MBO Connect: alles wat het platform over u bewaart", clock.instant(),
                            user.getSubject(), user.getPreferredUsername(), parts, missing);
                });
    }

    private Mono<Answer> ask(String service, String token) {
        URI uri = URI.create(environment.getRequiredProperty("mbo.services." + service) + "/api/" + service
                + "/me/personal-data");
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON).retrieve().bodyToMono(JsonNode.class)
                .map(part -> new Answer(service, part, null))
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(new Answer(service, null, reason(failure))));
    }

    private String reason(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "geen antwoord binnen " + timeout.toSeconds() + " s (no answer in time)";
        }
        if (failure instanceof WebClientResponseException answered) {
            return "antwoordde " + answered.getStatusCode().value() + " (answered with an error)";
        }
        return "niet bereikbaar (unreachable)";
    }

    private ResponseEntity<Export> download(Export export) {
        String day = export.generatedAt().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate().toString();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(
                org.springframework.http.CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mbo-connect-mijn-gegevens-" + day + ".json\"")
                .body(export);
    }

    private static ResponseEntity<ProblemDetail> signInFirst() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "Log eerst in om uw gegevens te downloaden. (Sign in to download your data.)");
        problem.setType(URI.create("https://mboconnect.nl/problems/unauthenticated"));
        problem.setTitle("Niet ingelogd");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

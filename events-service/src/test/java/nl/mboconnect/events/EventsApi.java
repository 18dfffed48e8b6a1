package nl.mboconnect.events;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.platform.testing.TestTokens;

/** The events API as tests use it: request bodies for a typical event, and the calls that set a scene. */
public final class EventsApi {

    public static final String EVENTS = "/api/events/events";

    private final RestTestClient http;

    public EventsApi(int port) {
        this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    public RestTestClient http() {
        return http;
    }

    public static TestTokens.Builder editor() {
        return TestTokens.member("noor-" + UUID.randomUUID(), "vriend", "redacteur").name("Noor", "El Amrani");
    }

    public static TestTokens.Builder member(String name) {
        return TestTokens.member(name + "-" + UUID.randomUUID(), "vriend").name(name, "Test");
    }

    /** A knowledge session three weeks from now, on site, public, for {@code capacity} people. */
    public static Map<String, Object> event(Integer capacity) {
        LocalDateTime start = LocalDateTime.now().plusWeeks(3).truncatedTo(ChronoUnit.DAYS).withHour(13).withMinute(30);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "kennissessie");
        body.put("title", "Vakmanschap in de regio");
        body.put("description", "Een middag over samenwerken tussen school en bedrijf.");
        body.put("organisations", List.of("MBO Connect", "ROC Rivierenland"));
        body.put("themes", List.of("Vakmanschap", "Regionale samenwerking"));
        body.put("categories", List.of("Docenten"));
        body.put("audience", Map.of("text", "Docenten en praktijkopleiders", "roles", List.of()));
        body.put("start", start.toString());
        body.put("end", start.plusHours(3).toString());
        Map<String, Object> location = new HashMap<>();
        location.put("mode", "hybrid");
        location.put("venue", "ROC Rivierenland");
        location.put("address", "Stationsplein 1, 4001 AA Tiel");
        location.put("city", "Tiel");
        location.put("region", "Midden");
        location.put("platform", "Microsoft Teams");
        location.put("joinUrl", "https://teams.example.org/meet/geheim-123");
        body.put("location", location);
        body.put("programme", List.of(
                Map.of("start", start.toString(), "end", start.plusMinutes(30).toString(), "title", "Opening",
                        "speaker", "Dagvoorzitter"),
                Map.of("start", start.plusMinutes(30).toString(), "end", start.plusHours(3).toString(), "title",
                        "Gesprek in groepen")));
        body.put("visibility", Map.of("level", "public"));
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return body;
    }

    /** Creates and publishes an event; returns its id. */
    public String publish(TestTokens.Builder editor, Map<String, Object> body) {
        String id = create(editor, body);
        call(HttpMethod.POST, EVENTS + "/" + id + "/publish", editor, null);
        return id;
    }

    public String create(TestTokens.Builder editor, Map<String, Object> body) {
        Map<?, ?> created = http.post().uri(EVENTS).header(HttpHeaders.AUTHORIZATION, editor.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    /** Registers the member; returns the response body (status, position …). */
    public Map<?, ?> register(String eventId, TestTokens.Builder member) {
        return http.post().uri(EVENTS + "/" + eventId + "/registration")
                .header(HttpHeaders.AUTHORIZATION, member.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of()).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody();
    }

    /** Any call that must succeed (2xx); returns the body, or null when there is none. */
    /**
     * As a well-behaved client does: a 503 {@code busy} with {@code Retry-After} is tried again after
     * that long, up to ten times; {@code busy} counts how often the service said so.
     */
    public Map<?, ?> callRetryingWhenBusy(HttpMethod method, String uri, TestTokens.Builder who, Object body,
            java.util.concurrent.atomic.AtomicInteger busy) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            var request = http.method(method).uri(uri).header(HttpHeaders.AUTHORIZATION, who.bearer());
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            var result = request.exchange().returnResult(Map.class);
            if (result.getStatus().value() != 503 || attempt == 10) {
                org.assertj.core.api.Assertions.assertThat(result.getStatus().is2xxSuccessful())
                        .as("status %s", result.getStatus()).isTrue();
                return result.getResponseBody();
            }
            busy.incrementAndGet();
            String retryAfter = result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
            org.assertj.core.api.Assertions.assertThat(retryAfter).as("a 503 says when to come back").isNotNull();
            Thread.sleep(java.time.Duration.ofSeconds(Long.parseLong(retryAfter)).toMillis());
        }
    }

    public Map<?, ?> call(HttpMethod method, String uri, TestTokens.Builder who, Object body) {
        var request = http.method(method).uri(uri);
        if (who != null) {
            request.header(HttpHeaders.AUTHORIZATION, who.bearer());
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange().expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult()
                .getResponseBody();
    }
}

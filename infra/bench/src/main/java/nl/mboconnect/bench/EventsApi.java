package nl.mboconnect.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few events-service calls the scenarios make outside the load: an organiser's events, their counts. */
final class EventsApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String organiserToken;

    EventsApi(String baseUrl, String organiserToken) {
        this.baseUrl = baseUrl;
        this.organiserToken = organiserToken;
    }

    /** A public knowledge session a month from now for {@code capacity} people, still a draft; its id. */
    String draft(String title, int capacity) {
        LocalDateTime start = LocalDateTime.now().plusWeeks(4).truncatedTo(ChronoUnit.DAYS).withHour(13).withMinute(30);
        Map<String, Object> body = Map.of("kind", "kennissessie", "title", title,
                "description", "Een middag die de benchmark vult.", "start", start.toString(),
                "end", start.plusHours(3).toString(),
                "location", Map.of("mode", "onsite", "venue", "ROC Midden", "address", "Plein 1, Utrecht",
                        "city", "Utrecht", "region", "Midden"),
                "visibility", Map.of("level", "public"), "capacity", capacity,
                "themes", List.of("Kennis delen"));
        return send("POST", "/api/events/events", body, 201).get("id").asString();
    }

    /** Publishes a draft; returns when the 200 has arrived. */
    void publish(String eventId) {
        send("POST", "/api/events/events/" + eventId + "/publish", null, 200);
    }

    String published(String title, int capacity) {
        String id = draft(title, capacity);
        publish(id);
        return id;
    }

    /** The event as its organiser sees it (places taken, waitlist). */
    JsonNode event(String eventId) {
        return send("GET", "/api/events/events/" + eventId, null, 200);
    }

    private JsonNode send(String method, String path, Object body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + organiserToken).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(""));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

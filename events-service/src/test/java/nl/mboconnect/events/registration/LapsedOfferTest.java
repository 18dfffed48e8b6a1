package nl.mboconnect.events.registration;

import static nl.mboconnect.platform.testing.TopicReader.header;
import static nl.mboconnect.platform.testing.TopicReader.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import nl.mboconnect.events.EventsApi;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;

/**
 * An offered place that nobody takes in time goes to the next in line, through the store and over
 * HTTP and Kafka as in production; only the clock is moved, by asking the task what lapsed by then.
 */
@ServiceTest
class LapsedOfferTest {

    @LocalServerPort
    int port;
    @Autowired
    RosterStore rosters;

    @Test
    void anOfferNotTakenInTimeGoesToTheNextInLineWhoMayTakeIt() {
        EventsApi api = new EventsApi(port);
        Map<String, Object> body = new LinkedHashMap<>(EventsApi.event(1));
        body.put("waitlist", Map.of("promotion", "offer", "offerHours", 48));
        String id = api.publish(EventsApi.editor(), body);
        TestTokens.Builder sanne = EventsApi.member("Sanne");
        TestTokens.Builder joris = EventsApi.member("Joris");
        TestTokens.Builder noor = EventsApi.member("Noor");
        api.register(id, sanne);
        api.register(id, joris);
        api.register(id, noor);
        String registration = EventsApi.EVENTS + "/" + id + "/registration";

        try (TopicReader kafka = TopicReader.fromNow(TestInfrastructure.kafka().bootstrapServers(),
                RegistrationEvents.TOPIC)) {
            api.call(HttpMethod.DELETE, registration, sanne, null);
            Map<?, ?> offer = api.call(HttpMethod.GET, registration, joris, null);
            assertThat(offer.get("status")).isEqualTo("offered");
            OffsetDateTime expires = OffsetDateTime.parse((String) offer.get("offerExpiresAt"));

            // other tests' events share the collection: what is asserted is this event's roster alone
            rosters.passOnLapsedOffers(expires.toInstant().minusSeconds(1));
            assertThat(api.call(HttpMethod.GET, registration, joris, null).get("status")).as("not yet")
                    .isEqualTo("offered");
            rosters.passOnLapsedOffers(expires.toInstant().plusSeconds(1));

            assertThat(api.call(HttpMethod.GET, registration, joris, null).get("status")).isEqualTo("lapsed");
            assertThat(api.call(HttpMethod.GET, registration, noor, null).get("status")).isEqualTo("offered");
            api.http().post().uri(registration + "/accept").header(HttpHeaders.AUTHORIZATION, joris.bearer()).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/offer-lapsed"));
            assertThat(api.call(HttpMethod.POST, registration + "/accept", noor, null).get("status"))
                    .isEqualTo("confirmed");
            rosters.passOnLapsedOffers(expires.toInstant().plus(Duration.ofDays(30)));
            assertThat(api.call(HttpMethod.GET, registration, noor, null).get("status")).as("a taken place stays taken")
                    .isEqualTo("confirmed");

            ConsumerRecord<String, byte[]> lapsed = kafka.await(r -> id.equals(r.key())
                    && value(r).contains("\"reason\":\"offer-lapsed\""), Duration.ofSeconds(10));
            assertThat(header(lapsed, "ce_type")).isEqualTo(RegistrationEvents.CANCELLED.type());
            assertThat(kafka.awaitCount(r -> id.equals(r.key())
                    && RegistrationEvents.PROMOTED.type().equals(header(r, "ce_type")), 2, Duration.ofSeconds(10)))
                    .hasSize(2); // the offer to Joris, then the one to Noor
        }
    }
}

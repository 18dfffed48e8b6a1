package nl.mboconnect.membership.member;

import static nl.mboconnect.platform.testing.TopicReader.header;
import static nl.mboconnect.platform.testing.TopicReader.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.platform.testing.EventContracts;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code partner.membership.v1} from real members: counts per province and function that fit their
 * schema, a hidden field counted as ONBEKEND, nothing published when nobody moved, a new lid
 * counted. A database of its own, so the counts are exact; the periodic count is slowed down and
 * the test counts itself.
 */
@ServiceTest
@TestPropertySource(properties = { "mbo.test.database=membership-partner-counts",
        "mbo.membership.partner-counts-interval=1h" })
class PartnerCountsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    PartnerCounts counts;

    private RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void partnersReadHowManyFriendsAndMembersThereAreButNotWhoNorWhatTheyHid() {
        String sanneName = "sanne-" + UUID.randomUUID();
        var sanne = TestTokens.member(sanneName, "vriend");
        var joris = TestTokens.member("joris-" + UUID.randomUUID(), "vriend", "lid");
        var anouk = TestTokens.member("anouk-" + UUID.randomUUID(), "vriend");
        profile(sanne, Map.of("function", "DOCENT", "region", "UTRECHT"));
        profile(joris, Map.of("function", "PRAKTIJKOPLEIDER", "region", "UTRECHT",
                "visibility", Map.of("function", "ONLY_ME")));
        http.get().uri("/api/membership/members/me").header(HttpHeaders.AUTHORIZATION, anouk.bearer()).exchange()
                .expectStatus().isOk();

        try (TopicReader topic = TopicReader.fromNow(TestInfrastructure.kafka().bootstrapServers(), PartnerMembership.TOPIC)) {
            assertThat(counts.recount()).isTrue();
            JsonNode first = read(topic, 1);
            assertThat(first.get("vrienden").asLong()).isEqualTo(2);
            assertThat(first.get("leden").asLong()).isEqualTo(1);
            assertThat(tally(first, "regions", "region", "UTRECHT")).isEqualTo("1/1");
            assertThat(tally(first, "regions", "region", "ONBEKEND")).isEqualTo("1/0");
            assertThat(tally(first, "regions", "region", "ZEELAND")).isEqualTo("0/0");
            assertThat(tally(first, "functions", "function", "DOCENT")).isEqualTo("1/0");
            assertThat(tally(first, "functions", "function", "PRAKTIJKOPLEIDER")).as("hidden by joris").isEqualTo("0/0");
            assertThat(tally(first, "functions", "function", "ONBEKEND")).isEqualTo("1/1");

            // nobody changed: nothing counted; a bio moves nobody: nothing published
            assertThat(counts.recount()).isFalse();
            profile(sanne, Map.of("function", "DOCENT", "region", "UTRECHT", "bio", "Docent verpleegkunde."));
            assertThat(counts.recount()).isFalse();
            assertThat(topic.readFor(Duration.ofSeconds(1))).as("still only the first").hasSize(1);

            // sanne became lid in the Keycloak console; her next request shows it
            http.get().uri("/api/membership/members/me/membership").header(HttpHeaders.AUTHORIZATION,
                    TestTokens.member(sanneName, "vriend", "lid").subject(sanne.subjectId())
                            .issuedAt(Instant.now().plusSeconds(2)).bearer())
                    .exchange().expectBody().jsonPath("$.status").isEqualTo("LID");
            assertThat(counts.recount()).isTrue();
            JsonNode second = read(topic, 2);
            assertThat(second.get("revision").asLong()).isGreaterThan(first.get("revision").asLong());
            assertThat(second.get("leden").asLong()).isEqualTo(2);
            assertThat(tally(second, "regions", "region", "UTRECHT")).isEqualTo("0/2");
        }
    }

    /** The n-th counts read from the topic. */
    private JsonNode read(TopicReader topic, int n) {
        ConsumerRecord<String, byte[]> record = topic.awaitCount(r -> PartnerMembership.KEY.equals(r.key()), n,
                Duration.ofSeconds(10)).get(n - 1);
        assertThat(header(record, "ce_type")).isEqualTo(PartnerMembership.COUNTS.type());
        String json = value(record);
        assertThat(EventContracts.violations(PartnerMembership.COUNTS.type(), json)).isEmpty();
        assertThat(json).doesNotContain("sanne", "joris", "anouk", "@");
        return JSON.readTree(json);
    }

    private static String tally(JsonNode counts, String list, String key, String name) {
        for (JsonNode tally : counts.get(list)) {
            if (tally.get(key).asString().equals(name)) {
                return tally.get("vrienden").asLong() + "/" + tally.get("leden").asLong();
            }
        }
        throw new AssertionError(name + " not in " + list);
    }

    private void profile(TestTokens.Builder member, Map<String, Object> profile) {
        http.put().uri("/api/membership/members/me/profile").header(HttpHeaders.AUTHORIZATION, member.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(profile).exchange().expectStatus().isOk();
    }
}

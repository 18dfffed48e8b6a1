package nl.mboconnect.membership.member;

import static nl.mboconnect.platform.testing.TopicReader.header;
import static nl.mboconnect.platform.testing.TopicReader.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;

@ServiceTest
class MemberResourceTest {

    private static final String ME = "/api/membership/members/me";

    @LocalServerPort
    int port;

    private RestTestClient http;
    private final String kafka = TestInfrastructure.kafka().bootstrapServers();

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void theFirstSignInRegistersTheMemberFromTheTokenAndTellsTheOthers() {
        var sanne = TestTokens.member("sanne-" + UUID.randomUUID(), "vriend", "offline_access", "default-roles-mbo-connect")
                .name("Sanne", "de Vries");
        try (TopicReader topic = TopicReader.fromNow(kafka, MemberEvents.TOPIC)) {
            http.get().uri(ME).header(HttpHeaders.AUTHORIZATION, sanne.bearer()).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.id").isEqualTo(sanne.subjectId())
                    .jsonPath("$.displayName").isEqualTo("Sanne de Vries")
                    .jsonPath("$.roles.length()").isEqualTo(1)
                    .jsonPath("$.roles[0]").isEqualTo("vriend")
                    .jsonPath("$.registeredAt").isNotEmpty();

            ConsumerRecord<String, byte[]> registered = topic.await(r -> sanne.subjectId().equals(r.key()),
                    Duration.ofSeconds(10));
            assertThat(header(registered, "ce_type")).isEqualTo(MemberEvents.REGISTERED.type());
            assertThat(header(registered, "ce_source")).isEqualTo("/membership");
            assertThat(value(registered)).contains("\"displayName\":\"Sanne de Vries\"")
                    .doesNotContain("@example.org");
        }
    }

    @Test
    void signingInAgainUnchangedTellsNobody() {
        var joris = TestTokens.member("joris-" + UUID.randomUUID(), "vriend", "lid");
        me(joris.bearer());
        try (TopicReader topic = TopicReader.fromNow(kafka, MemberEvents.TOPIC)) {
            me(joris.bearer());
            // a rename after it is a marker on the same key: once it is in, the sign-in's events would be too
            joris.name("Joris", "Marker");
            me(joris.bearer());
            topic.await(r -> joris.subjectId().equals(r.key()) && value(r).contains("Joris Marker"),
                    Duration.ofSeconds(10));
            assertThat(topic.readFor(Duration.ZERO)).filteredOn(r -> joris.subjectId().equals(r.key()))
                    .singleElement().satisfies(r -> assertThat(header(r, "ce_type"))
                            .isEqualTo(MemberEvents.PROFILE_UPDATED.type()));
        }
    }

    @Test
    void aRenameInKeycloakIsTakenAtTheNextSignInAndPublished() {
        var noor = TestTokens.member("noor-" + UUID.randomUUID(), "vriend").name("Noor", "El Amrani");
        me(noor.bearer());
        try (TopicReader topic = TopicReader.fromNow(kafka, MemberEvents.TOPIC)) {
            noor.name("Noor", "Bakker");
            http.get().uri(ME).header(HttpHeaders.AUTHORIZATION, noor.bearer()).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.displayName").isEqualTo("Noor Bakker");

            var updated = topic.await(r -> noor.subjectId().equals(r.key()), Duration.ofSeconds(10));
            assertThat(header(updated, "ce_type")).isEqualTo(MemberEvents.PROFILE_UPDATED.type());
            assertThat(value(updated)).contains("\"displayName\":\"Noor Bakker\"");
        }
    }

    @Test
    void manyFirstSignInsAtOnceRegisterTheMemberOnce() throws Exception {
        var pieter = TestTokens.member("pieter-" + UUID.randomUUID(), "vriend", "beheerder");
        String token = pieter.bearer();
        try (TopicReader topic = TopicReader.fromNow(kafka, MemberEvents.TOPIC)) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Callable<Integer>> signIns = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                signIns.add(() -> http.get().uri(ME).header(HttpHeaders.AUTHORIZATION, token).exchange()
                        .returnResult(String.class).getStatus().value());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(signIns)) {
                statuses.add(status.get());
            }
            pool.shutdown();
            assertThat(statuses).containsOnly(200).hasSize(32);

            // a rename after them is a marker on the same key: once it is in, every registration would be too
            pieter.name("Pieter", "Marker");
            me(pieter.bearer());
            topic.await(r -> pieter.subjectId().equals(r.key()) && value(r).contains("Pieter Marker"),
                    Duration.ofSeconds(10));
            assertThat(topic.readFor(Duration.ZERO)).filteredOn(r -> pieter.subjectId().equals(r.key()))
                    .extracting(r -> header(r, "ce_type"))
                    .containsExactly(MemberEvents.REGISTERED.type(), MemberEvents.PROFILE_UPDATED.type());
        }
    }

    @Test
    void withoutATokenTheAnswerIs401AsProblemJson() {
        http.get().uri(ME).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
                .expectBody().jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/unauthenticated");
    }

    @Test
    void anExpiredForgedOrMisdirectedTokenIsRefused() {
        for (String token : List.of(
                TestTokens.member("sanne", "vriend").expired().bearer(),
                TestTokens.member("sanne", "vriend").forged().bearer(),
                TestTokens.member("sanne", "vriend").audience("some-other-api").bearer(),
                TestTokens.member("sanne", "vriend").issuer("http://localhost:1/realms/elsewhere").bearer(),
                "Bearer not-a-jwt")) {
            http.get().uri(ME).header(HttpHeaders.AUTHORIZATION, token).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void aPartnersServiceAccountHasNoMemberProfile() {
        http.get().uri(ME).header(HttpHeaders.AUTHORIZATION, TestTokens.partner("partner-demo-roc").bearer())
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/forbidden");
    }

    @Test
    void everyMemberRoleMayReadTheirOwnProfile() {
        for (String role : List.of("vriend", "lid", "redacteur", "beheerder")) {
            var member = TestTokens.member(role + "-" + UUID.randomUUID(), role);
            http.get().uri(ME).header(HttpHeaders.AUTHORIZATION, member.bearer()).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.id").isEqualTo(member.subjectId());
        }
    }

    @Test
    void anUnknownPathIsAProblemNotAStackTrace() {
        http.get().uri("/api/membership/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.member("sanne", "vriend").bearer()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/not-found")
                .jsonPath("$.trace").doesNotExist();
    }

    private void me(String bearer) {
        http.get().uri(ME).header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk();
    }
}

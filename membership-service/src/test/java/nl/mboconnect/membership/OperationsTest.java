package nl.mboconnect.membership;

import static nl.mboconnect.platform.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.membership.member.MemberEvents;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;

/** What operations rely on: probes, metrics, and one trace id from the request to the event. */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    HealthEndpointGroups healthGroups;

    @Test
    void probesAnswerWithoutATokenAndReadinessIncludesTheDatabase() {
        RestTestClient http = client();
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        // the database's ping is one of what readiness asks (details stay hidden from the outside)
        assertThat(healthGroups.get("readiness").isMember("mongo")).isTrue();
        assertThat(healthGroups.getPrimary().isMember("mongo")).isTrue();
    }

    @Test
    void prometheusScrapesMetricsTaggedWithTheService() {
        client().get().uri("/api/membership/members/me").exchange().expectStatus().isUnauthorized();
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("application=\"membership-service\"")
                        .contains("jvm_memory_used_bytes")
                        // each request observed, but not each filter of the security chain (their cost: BENCHMARKS.md)
                        .contains("http_server_requests_seconds_count")
                        .doesNotContain("spring_security_"));
    }

    @Test
    void theTraceOfARequestIsInItsLogLinesAndTravelsWithItsEvent(CapturedOutput output) {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        var member = TestTokens.member("trace-" + UUID.randomUUID(), "vriend");

        try (TopicReader topic = TopicReader.fromNow(TestInfrastructure.kafka().bootstrapServers(),
                MemberEvents.TOPIC)) {
            client().get().uri("/api/membership/members/me").header(HttpHeaders.AUTHORIZATION, member.bearer())
                    .header("traceparent", traceparent).exchange().expectStatus().isOk();

            var registered = topic.await(r -> member.subjectId().equals(r.key()), Duration.ofSeconds(10));
            assertThat(header(registered, "traceparent")).startsWith("00-" + traceId + "-");
        }
        assertThat(output.getOut()).containsPattern(
                "\\[" + traceId + "-[0-9a-f]{16}\\] .*member " + member.subjectId() + " registered");
    }

    private RestTestClient client() {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}

package nl.mboconnect.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** As many requests at once as the limit; the next is turned away at once, and the limit frees up again. */
class RequestLimitTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RequestLimit limit = new RequestLimit(2, meters);

    @Test
    void pastTheLimitARequestGets503OverloadedAtOnceAndProbesAlwaysPass() throws Exception {
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            held.add(pool.submit(() -> {
                MockHttpServletResponse response = new MockHttpServletResponse();
                limit.doFilter(request("/api/events/agenda"), response, (req, res) -> {
                    inside.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                return response.getStatus();
            }));
        }
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse turnedAway = call("/api/events/agenda");
        assertThat(turnedAway.getStatus()).isEqualTo(503);
        assertThat(turnedAway.getHeader("Retry-After")).isEqualTo("1");
        assertThat(turnedAway.getContentType()).isEqualTo("application/problem+json");
        assertThat(turnedAway.getContentAsString()).contains("\"type\":\"https://mboconnect.nl/problems/overloaded\"");
        assertThat(call("/actuator/health/readiness").getStatus()).isEqualTo(200);
        assertThat(meters.counter("mbo.requests.refused", "reason", "overloaded").count()).isEqualTo(1);

        release.countDown();
        for (Future<Integer> status : held) {
            assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        }
        pool.shutdown();
        assertThat(call("/api/events/agenda").getStatus()).isEqualTo(200);
    }

    @Test
    void aRequestThatFailsGivesItsPlaceBack() throws Exception {
        for (int i = 0; i < 5; i++) {
            try {
                limit.doFilter(request("/api/x"), new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("a bug");
                });
            } catch (IllegalStateException expected) {
                // what the handler threw reaches the container; the place is given back all the same
            }
        }
        assertThat(call("/api/x").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse call(String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request(path), response, (req, res) -> { });
        return response;
    }

    private static MockHttpServletRequest request(String path) {
        return new MockHttpServletRequest("GET", path);
    }
}

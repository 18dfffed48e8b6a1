package nl.mboconnect.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final TokenBuckets buckets = new TokenBuckets(3, Duration.ofMinutes(1), 2, now::get);

    @Test
    void aClientMayDoCapacityAtOnceAndIsThenToldWhenTheNextOneIsDue() {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a").allowed()).isTrue();
        }
        TokenBuckets.Decision refused = buckets.take("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(seconds(refused.retryAfter())).isEqualTo(20.0);

        advance(Duration.ofSeconds(15));
        assertThat(seconds(buckets.take("a").retryAfter())).isEqualTo(5.0);
        advance(Duration.ofSeconds(5));
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isFalse();
    }

    @Test
    void anIdleClientSavesUpNoMoreThanTheCapacity() {
        buckets.take("a");
        advance(Duration.ofHours(5));
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a").allowed()).isTrue();
        }
        assertThat(buckets.take("a").allowed()).isFalse();
    }

    @Test
    void eachClientHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a");
        }
        assertThat(buckets.take("a").allowed()).isFalse();
        assertThat(buckets.take("b").allowed()).isTrue();
    }

    @Test
    void pastTheLimitOfClientsTheLeastRecentlySeenIsForgotten() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a");
        }
        buckets.take("b");
        buckets.take("c");
        assertThat(buckets.clients()).isEqualTo(2);
        // a was forgotten, so it starts full again
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.clients()).isEqualTo(2);
    }

    /** To the millisecond: the refill rate is a fraction, so nanoseconds may be off by one. */
    private static double seconds(Duration duration) {
        return Math.round(duration.toNanos() / 1e6) / 1e3;
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}

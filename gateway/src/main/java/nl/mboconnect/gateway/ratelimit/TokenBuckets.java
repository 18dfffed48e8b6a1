package nl.mboconnect.gateway.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client, in this process's memory: a client may do {@code capacity} things at
 * once, then {@code capacity} per {@code period}, refilled smoothly. At most {@code maxClients}
 * buckets are kept; past that the least recently seen client's is forgotten (it comes back full),
 * so a flood from many addresses cannot grow the map without bound.
 */
final class TokenBuckets {

    /** Whether a request may pass, and if not, when the next one would. */
    record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    private final int capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets;

    TokenBuckets(int capacity, Duration period, int maxClients, LongSupplier nanoClock) {
        if (capacity < 1 || period.isNegative() || period.isZero() || maxClients < 1) {
            throw new IllegalArgumentException("a limit needs a capacity, a period and room for clients");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) period.toNanos();
        this.nanoClock = nanoClock;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Takes one token from the client's bucket, if there is one. */
    synchronized Decision take(String client) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(capacity, now));
        bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.refilledAt) * tokensPerNano);
        bucket.refilledAt = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Decision.ALLOWED;
        }
        return new Decision(false, Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano)));
    }

    synchronized int clients() {
        return buckets.size();
    }

    private static final class Bucket {

        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}

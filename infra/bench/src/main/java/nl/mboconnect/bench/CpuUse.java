package nl.mboconnect.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import nl.mboconnect.local.LocalPlatform;

/**
 * Where the CPU went while a load ran: each process's CPU seconds over the load, against what the
 * machine's cores could give in that time. On one machine the load tool and MongoDB-wire (both in
 * the harness) share the cores with the platform, and this says how much they took.
 */
record CpuUse(Map<String, Duration> used, Duration wall) {

    /** Runs the load and measures the CPU every process of the platform (and the harness) used meanwhile. */
    static <T> Measured<T> during(LocalPlatform platform, Supplier<T> load) {
        Map<String, Duration> before = platform.cpuTime();
        long start = System.nanoTime();
        T result = load.get();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Duration> used = new LinkedHashMap<>();
        platform.cpuTime().forEach((process, after) -> used.put(process, after.minus(before.getOrDefault(process, Duration.ZERO))));
        return new Measured<>(result, new CpuUse(used, wall));
    }

    record Measured<T>(T result, CpuUse cpu) {
    }

    /** What the platform uses doing nothing (schedules, consumers' polls) over {@code period}: the baseline. */
    static CpuUse idle(LocalPlatform platform, Duration period) {
        return during(platform, () -> {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }).cpu();
    }

    /**
     * Milliseconds of CPU the process used per request, over {@code requests} requests, less what it
     * uses idle in as much time.
     */
    double perRequest(String process, int requests, CpuUse idle) {
        double idlePerSecond = idle.used.getOrDefault(process, Duration.ZERO).toNanos() / (double) idle.wall.toNanos();
        double busy = used.getOrDefault(process, Duration.ZERO).toNanos() - idlePerSecond * wall.toNanos();
        return Math.max(0, busy) / 1e6 / requests;
    }

    /** "events-service 12.1 s, harness 8.0 s, … of 2 cores × 17.7 s (57 % busy)", the busiest first. */
    String describe() {
        double total = used.values().stream().mapToDouble(d -> d.toMillis() / 1000.0).sum();
        int cores = Runtime.getRuntime().availableProcessors();
        double seconds = wall.toMillis() / 1000.0;
        String each = used.entrySet().stream().filter(entry -> entry.getValue().toMillis() >= 50)
                .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .map(entry -> "%s %.1f s".formatted(entry.getKey(), entry.getValue().toMillis() / 1000.0))
                .collect(Collectors.joining(", "));
        return "%s; of %d cores × %.1f s (%.0f %% busy)".formatted(each, cores, seconds,
                seconds == 0 ? 0 : 100 * total / (cores * seconds));
    }
}

package nl.mboconnect.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import nl.mboconnect.local.LocalPlatform;
import nl.mboconnect.platform.testing.Directories;

/**
 * {@code ./mbo bench}: starts the whole platform as the local run does, but with the JVM settings a
 * deployment uses, makes members in Keycloak with real tokens, runs every scenario side by side and
 * writes {@code BENCHMARKS.md} (the figures of this run, the machine, the date) with Gatling's HTML
 * reports under {@code infra/bench/target/gatling/}. {@code --smoke} runs each scenario tiny and
 * writes only under {@code target/}: the test run does that, so the harness cannot rot.
 * {@code --rushes=100,1000} picks the rush sizes (each needs as many members made in Keycloak);
 * {@code --only=RegistrationRush} runs only the scenarios named (by class) and writes under {@code target/}.
 *
 * <p>A new scenario is a {@link Scenario} in {@link #scenarios}: it gets the running platform and
 * the sizes, and gives back its section of the report.
 */
public final class Bench {

    /** How big each scenario runs. */
    public record Sizes(String name, Duration readDuration, int readConnections, int probeRequests,
            List<Integer> rushes, int rushConnections, int capacity, int partnerEvents, int partnerRate) {

        public static Sizes full() {
            return new Sizes("full", Duration.ofSeconds(20), 16, 3000, List.of(100, 1000, 10_000), 64, 50, 300, 10);
        }

        public static Sizes smoke() {
            return new Sizes("smoke", Duration.ofSeconds(2), 4, 100, List.of(12), 8, 5, 5, 5);
        }

        Sizes withRushes(List<Integer> sizes) {
            return new Sizes(name + " (rushes " + sizes + ")", readDuration, readConnections, probeRequests, sizes,
                    rushConnections, capacity, partnerEvents, partnerRate);
        }

        int members() {
            return rushes.stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    /** One scenario of the harness. */
    public interface Scenario {
        Report.Section run(Target target, Sizes sizes);
    }

    /**
     * What a scenario works against. The members are made in Keycloak when a scenario first asks
     * (10,000 take minutes), so a look at one scenario that needs none does not wait for them.
     */
    public static final class Target {
        private final LocalPlatform platform;
        private final int memberCount;
        private final Path results;
        private Members members;

        Target(LocalPlatform platform, int memberCount, Path results) {
            this.platform = platform;
            this.memberCount = memberCount;
            this.results = results;
        }

        public LocalPlatform platform() {
            return platform;
        }

        public synchronized Members members() {
            if (members == null) {
                say("making %d members in Keycloak, each with a token ...", memberCount);
                members = Members.make(platform.keycloakUrl(), memberCount);
            }
            return members;
        }

        public Path results() {
            return results;
        }
    }

    static List<Scenario> scenarios() {
        return List.of(new GatewayVersusDirect(), new RegistrationRush(), new PartnerLatency(), new Footprint());
    }

    private Bench() {
    }

    /** Runs every scenario against a started platform; returns the report (also written to {@code report}). */
    public static Report run(LocalPlatform platform, Sizes sizes, Path work, Path report) {
        return run(platform, sizes, work, report, scenarios());
    }

    static Report run(LocalPlatform platform, Sizes sizes, Path work, Path report, List<Scenario> scenarios) {
        Target target = new Target(platform, sizes.members(), work.resolve("gatling"));
        List<Report.Section> sections = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            say("scenario: %s", scenario.getClass().getSimpleName());
            sections.add(scenario.run(target, sizes));
        }
        Report written = new Report(sizes.name(), sections);
        written.writeTo(report);
        say("figures in %s; Gatling's reports under %s", report, target.results());
        return written;
    }

    public static void main(String[] args) {
        boolean smoke = List.of(args).contains("--smoke");
        Path root = Path.of(System.getProperty("mbo.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("infra/bench/target");
        Path data = work.resolve("bench-platform");
        Directories.deleteRecursively(data);
        Sizes sizes = smoke ? Sizes.smoke() : Sizes.full();
        List<Scenario> scenarios = scenarios();
        boolean partial = false;
        for (String arg : args) {
            if (arg.startsWith("--rushes=")) { // e.g. --rushes=100,1000: fewer members to make in Keycloak
                sizes = sizes.withRushes(java.util.Arrays.stream(arg.substring("--rushes=".length()).split(","))
                        .map(Integer::valueOf).toList());
            } else if (arg.startsWith("--only=")) { // e.g. --only=RegistrationRush: a look at one scenario, report under target/
                List<String> names = List.of(arg.substring("--only=".length()).split(","));
                scenarios = scenarios.stream().filter(s -> names.contains(s.getClass().getSimpleName())).toList();
                partial = true;
            }
        }
        Path report = smoke || partial ? work.resolve("BENCHMARKS.md") : root.resolve("BENCHMARKS.md");
        say("starting the platform with production JVM settings on free ports (data in %s) ...", data);
        try (LocalPlatform platform = LocalPlatform.start(new LocalPlatform.Options(root, data,
                LocalPlatform.Ports.free(), true, LocalPlatform.Tuning.PRODUCTION,
                LocalPlatform.Storage.IN_MEMORY))) {
            run(platform, sizes, work, report, scenarios);
        }
        System.exit(0); // Gatling leaves non-daemon threads behind
    }

    static void say(String format, Object... arguments) {
        System.out.printf("[bench] " + format + "%n", arguments);
    }

    static List<String> numbered(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "%s%05d".formatted(prefix, i)).toList();
    }
}

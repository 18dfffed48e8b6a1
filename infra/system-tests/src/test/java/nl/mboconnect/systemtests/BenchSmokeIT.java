package nl.mboconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import nl.mboconnect.bench.Bench;
import nl.mboconnect.bench.Report;

/**
 * The benchmark harness ({@code ./mbo bench}) at tiny sizes, on the platform the system tests
 * share, so it cannot rot: every scenario runs, reads its figures back from Gatling's reports and
 * writes its section. What must hold whatever the speed (exact counts, no errors) is checked here;
 * the speed itself is for the figures, never for a test.
 */
class BenchSmokeIT {

    @Test
    void everyScenarioRunsAndWritesItsFiguresWithExactCounts() throws Exception {
        Path work = Path.of("target/bench-smoke").toAbsolutePath();
        Path file = work.resolve("BENCHMARKS.md");
        Report report = Bench.run(RunningPlatform.get(), Bench.Sizes.smoke(), work, file);

        assertThat(report.sections()).hasSize(4);
        report.sections().forEach(section -> assertThat(section.rows()).as(section.title()).isNotEmpty());
        assertThat(report.allHold()).as(Files.readString(file)).isTrue();
        // the rush: one row per size and path, each counted exactly (✓) and registered by every member
        assertThat(report.sections().get(1).rows()).hasSize(2)
                .allSatisfy(row -> assertThat(row.get(8)).endsWith("✓"))
                .allSatisfy(row -> assertThat(row.get(6)).isEqualTo(row.get(0)));
        assertThat(Files.readString(file)).contains("# Benchmarks", "gateway ÷ direct", "Cold start");
    }
}

package nl.mboconnect.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scenario 4: how long the whole platform took to start, and what each process holds in memory now. */
final class Footprint implements Bench.Scenario {

    static final String TITLE = "4. Cold start and resident memory";

    @Override
    public Report.Section run(Bench.Target target, Bench.Sizes sizes) {
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> process : target.platform().residentMemory().entrySet()) {
            rows.add(List.of(process.getKey(), Long.toString(process.getValue() / (1024 * 1024))));
            total += process.getValue();
        }
        rows.add(List.of("**all of them**", "**" + total / (1024 * 1024) + "**"));
        long seconds = target.platform().startup().toSeconds();
        return new Report.Section(TITLE, "measured, no target yet: the platform on one small machine.",
                List.of("process", "resident MiB (after the scenarios above)"), rows,
                List.of("Cold start, from the first part to everything ready (Keycloak's first start included): "
                        + seconds + " s.",
                        "MongoDB-wire runs inside the harness's own process, in memory, and is not counted."),
                total > 0);
    }
}

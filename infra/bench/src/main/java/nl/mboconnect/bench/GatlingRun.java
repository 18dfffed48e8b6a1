package nl.mboconnect.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;

/**
 * Runs one Gatling simulation in this JVM and reads its figures back from the HTML report (Gatling
 * 3.15 writes no machine-readable statistics; the report's "All Requests" row is the one place
 * that has them all). Response times are whole milliseconds, as Gatling records them.
 */
final class GatlingRun {

    /** The "All Requests" row of a report. */
    record Figures(long requests, long ok, long ko, double perSecond, double p50, double p99, double max, Path report) {
    }

    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    private GatlingRun() {
    }

    static Figures run(Class<? extends Simulation> simulation, Load load, Path results, String name) {
        Load.set(load);
        try {
            Files.createDirectories(results);
            int status = Gatling$.MODULE$.fromArgs(new String[] {"-s", simulation.getName(), "-rf",
                    results.toString(), "-rd", name});
            if (status != 0) {
                throw new IllegalStateException(simulation.getSimpleName() + " ended with status " + status);
            }
            return figures(newestReport(results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Load.set(null);
        }
    }

    private static Path newestReport(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(run -> Files.exists(run.resolve("index.html")))
                    .max(Comparator.comparing(run -> run.toFile().lastModified()))
                    .map(run -> run.resolve("index.html"))
                    .orElseThrow(() -> new IllegalStateException("Gatling left no report in " + results));
        }
    }

    static Figures figures(Path report) throws IOException {
        String html = Files.readString(report);
        int root = html.indexOf("<tr id=\"ROOT\"");
        if (root < 0) {
            throw new IllegalStateException("no \"All Requests\" row in " + report + " (a new Gatling report layout?)");
        }
        List<String> cells = new ArrayList<>();
        Matcher matcher = CELL.matcher(html.substring(root, html.indexOf("</tr>", root)));
        while (matcher.find()) {
            cells.add(matcher.group(2).trim());
        }
        // Total, OK, KO, % KO, Cnt/s, Min, 50th, 75th, 95th, 99th, Max, Mean, Std Dev
        if (cells.size() < 13) {
            throw new IllegalStateException("the \"All Requests\" row of " + report + " has " + cells.size() + " cells");
        }
        return new Figures(whole(cells.get(0)), whole(cells.get(1)), whole(cells.get(2)), number(cells.get(4)),
                number(cells.get(6)), number(cells.get(9)), number(cells.get(10)), shown(report.getParent()));
    }

    /** Where the report is, from where the harness was started (the repository for ./mbo bench). */
    private static Path shown(Path directory) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = directory.toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }

    private static long whole(String cell) {
        return cell.equals("-") ? 0 : Long.parseLong(cell.replace(",", ""));
    }

    private static double number(String cell) {
        return cell.equals("-") ? Double.NaN : Double.parseDouble(cell.replace(",", ""));
    }
}

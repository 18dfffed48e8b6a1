package nl.mboconnect.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The figures of one run, as Markdown: each scenario's section, with the machine and the date. */
public record Report(String sizes, List<Section> sections) {

    /**
     * One scenario's figures.
     *
     * @param goal    what the platform aims for, in words
     * @param header  the table's columns
     * @param rows    the table's rows
     * @param notes   what a reader needs to read the figures right
     * @param holds   whether the run showed what must hold whatever the speed (exact counts, no errors)
     */
    public record Section(String title, String goal, List<String> header, List<List<String>> rows, List<String> notes,
            boolean holds) {
    }

    public boolean allHold() {
        return sections.stream().allMatch(Section::holds);
    }

    public Section section(String title) {
        return sections.stream().filter(section -> section.title().equals(title)).findFirst().orElseThrow();
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmarks\n\n");
        out.append("Written by `./mbo bench` (`infra/bench`); the figures of its last run. Sizes: ").append(sizes)
                .append(". Each scenario runs against the whole platform on this one machine, with the JVM settings ")
                .append("a deployment uses (no C1-only flags), and real Keycloak tokens.\n\n");
        out.append("- Date: ").append(LocalDate.now()).append('\n');
        out.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(ManagementFactory.getOperatingSystemMXBean().getName()).append(' ')
                .append(System.getProperty("os.arch")).append(", ").append(memory()).append('\n');
        out.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append("\n\n");
        for (Section section : sections) {
            out.append("## ").append(section.title()).append("\n\n");
            out.append("Goal: ").append(section.goal()).append(section.holds() ? "" : " **(what must hold did not: see below)**")
                    .append("\n\n");
            out.append("| ").append(String.join(" | ", section.header())).append(" |\n");
            out.append("|").append(" --- |".repeat(section.header().size())).append('\n');
            for (List<String> row : section.rows()) {
                out.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            out.append('\n');
            for (String note : section.notes()) {
                out.append("- ").append(note).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String decimal(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String whole(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB";
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // fall through
        }
        return "memory unknown";
    }
}

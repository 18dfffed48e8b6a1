package nl.mboconnect.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process (Kafka broker, Keycloak, a service) with its output in a log file. Stopping sends
 * SIGTERM and waits, so the child shuts down cleanly; a JVM shutdown hook stops what is still
 * running, so a test run never leaves processes behind.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);

    /** Runs "$@", forwards TERM/INT to it, and stops it when the parent JVM has gone. */
    private static final String GUARD = """
            "$@" &
            child=$!
            trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit $?' TERM INT
            while kill -0 "$child" 2>/dev/null; do
              if ! kill -0 "$MBO_PARENT_PID" 2>/dev/null; then
                kill -TERM "$child" 2>/dev/null; wait "$child"; exit 0
              fi
              sleep 1 & wait $!
            done
            wait "$child"
            """;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread shutdownHook;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.shutdownHook = new Thread(() -> stop(Duration.ofSeconds(20)), "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code command} under a small shell guard that passes SIGTERM on and ends the command
     * when this JVM is gone, however it ended (a test run killed mid-way leaves no broker behind).
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            List<String> guarded = new java.util.ArrayList<>(List.of("bash", "-c", GUARD, name));
            guarded.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(guarded).directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("MBO_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
            log.info("starting {} (log: {})", name, logFile);
            return new ManagedProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until {@code ready} holds, failing early with the log's tail if the process dies. */
    public ManagedProcess awaitReady(Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + tail());
            }
            if (ready.getAsBoolean()) {
                return this;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log:\n" + tail());
    }

    public String name() {
        return name;
    }

    /**
     * The resident memory of the command and what it started (Linux {@code /proc}; 0 where there is
     * none), for the benchmark's figures.
     */
    public long residentBytes() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .mapToLong(handle -> residentBytes(handle.pid())).sum();
    }

    /** CPU time the command and what it started have used so far, for the benchmark's figures. */
    public java.time.Duration cpuTime() {
        return cpuTime(Stream.concat(Stream.of(process.toHandle()), process.descendants()));
    }

    /** CPU time of processes, those that tell it (all do on Linux). */
    public static java.time.Duration cpuTime(Stream<ProcessHandle> processes) {
        return processes.map(handle -> handle.info().totalCpuDuration().orElse(java.time.Duration.ZERO))
                .reduce(java.time.Duration.ZERO, java.time.Duration::plus);
    }

    private static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException gone) {
            // not Linux, or the process has just ended
        }
        return 0;
    }

    /** SIGTERM, then SIGKILL if it has not ended within {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        // the guard passes the TERM on to the command and waits for it to end
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {}; killing it", name, grace);
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    /** The last lines of the process's log, for error messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

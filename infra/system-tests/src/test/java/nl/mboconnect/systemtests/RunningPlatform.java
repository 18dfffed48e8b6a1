package nl.mboconnect.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import nl.mboconnect.local.LocalPlatform;

/**
 * The whole platform, started once for all system tests exactly as {@code ./mbo run} starts it,
 * but on free ports and in a fresh directory, so it runs beside a local run.
 */
final class RunningPlatform {

    private static LocalPlatform platform;

    private RunningPlatform() {
    }

    static synchronized LocalPlatform get() {
        if (platform == null) {
            Path root = Path.of(System.getProperty("mbo.root", "../..")).toAbsolutePath().normalize();
            Path data = Path.of("target/system-test-platform").toAbsolutePath();
            deleteRecursively(data);
            platform = LocalPlatform.start(new LocalPlatform.Options(root, data, LocalPlatform.Ports.free(), false));
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stop-platform"));
        }
        return platform;
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

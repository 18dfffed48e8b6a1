package nl.mboconnect.systemtests;

import java.nio.file.Path;

import nl.mboconnect.local.LocalPlatform;
import nl.mboconnect.platform.testing.Directories;

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
            Directories.deleteRecursively(data);
            platform = LocalPlatform.start(new LocalPlatform.Options(root, data, LocalPlatform.Ports.free(), false));
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stop-platform"));
        }
        return platform;
    }
}

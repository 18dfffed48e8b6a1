package nl.mboconnect.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its Maven Central distribution, run as a child process in development mode with
 * the realm imported at its first start. The distribution is shared and only read; each instance
 * keeps its database and import folder in its own directory, so tests and a local run can run side
 * by side, and a local run keeps its users across restarts.
 */
public final class EmbeddedKeycloak implements TestInfrastructure.Keycloak, AutoCloseable {

    /** Local-only administrator of the Keycloak console. */
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin-local-only";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final int port;
    private final int gatewayPort;
    private final ManagedProcess process;

    private EmbeddedKeycloak(int port, int gatewayPort, ManagedProcess process) {
        this.port = port;
        this.gatewayPort = gatewayPort;
        this.process = process;
    }

    /**
     * @param port        0 for a free port
     * @param gatewayPort where the realm's redirect URIs expect the gateway
     */
    public static EmbeddedKeycloak start(Path instanceDirectory, int port, int gatewayPort) {
        return start(instanceDirectory, port, 0, gatewayPort, Map.of());
    }

    /** @param environment extra variables, e.g. the clients' secrets the realm file reads */
    public static EmbeddedKeycloak start(Path instanceDirectory, int port, int managementPort, int gatewayPort,
            Map<String, String> environment) {
        int httpPort = port == 0 ? FreePorts.find() : port;
        int management = managementPort == 0 ? FreePorts.find() : managementPort;
        Path instance = instanceDirectory.toAbsolutePath();
        Path home = RealmFile.distributionHome();
        try {
            Files.createDirectories(instance.resolve("data/import"));
            // the instance reads the shared distribution; only data/ is its own
            for (String shared : List.of("conf", "lib", "providers", "themes")) {
                Path link = instance.resolve(shared);
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, home.resolve(shared));
                }
            }
            Files.write(instance.resolve("data/import/realm-mbo-connect.json"), RealmFile.read());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put(RealmFile.GATEWAY_URL_VARIABLE, "http://localhost:" + gatewayPort);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putIfAbsent("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "-Dkc.home.dir=" + instance,
                "start-dev", "--import-realm",
                "--http-port=" + httpPort,
                "--http-management-port=" + management, "--http-management-host=localhost",
                "--health-enabled=true",
                // a stable issuer whatever host name a request used
                "--hostname=http://localhost:" + httpPort);
        ManagedProcess process = ManagedProcess.start("keycloak", command, env, instance,
                instance.resolve("keycloak.log"));
        String ready = "http://localhost:" + management + "/health/ready";
        process.awaitReady(START_TIMEOUT, () -> HttpProbe.ok(ready));
        return new EmbeddedKeycloak(httpPort, gatewayPort, process);
    }

    @Override
    public String url() {
        return "http://localhost:" + port;
    }

    @Override
    public int gatewayPort() {
        return gatewayPort;
    }

    @Override
    public String adminUsername() {
        return ADMIN_USERNAME;
    }

    @Override
    public String adminPassword() {
        return ADMIN_PASSWORD;
    }

    /** Resident memory of the process, for the benchmark's figures. */
    public long residentBytes() {
        return process == null ? 0 : process.residentBytes();
    }

    /** CPU time used so far (zero before the start). */
    public java.time.Duration cpuTime() {
        return process == null ? java.time.Duration.ZERO : process.cpuTime();
    }

    @Override
    public void close() {
        process.close();
    }
}

package nl.mboconnect.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import nl.mboconnect.platform.testing.EmbeddedKafka;
import nl.mboconnect.platform.testing.EmbeddedKeycloak;
import nl.mboconnect.platform.testing.EmbeddedMongo;
import nl.mboconnect.platform.testing.FreePorts;
import nl.mboconnect.platform.testing.HttpProbe;
import nl.mboconnect.platform.testing.ManagedProcess;

/**
 * The whole platform on embedded infrastructure, each part its own process: the MongoDB-wire
 * server (in this process, on an H2 file), a Kafka broker, Keycloak with the realm, the four
 * services and the gateway. {@code ./mbo run} starts it on the documented ports with its data under
 * {@code .data/}; the system test starts the same on free ports and a fresh directory.
 */
public final class LocalPlatform implements AutoCloseable {

    public static final List<String> SERVICES = List.of("membership", "knowledge", "events", "polls");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    /** Where each part listens. */
    public record Ports(int gateway, int gatewayManagement, int membership, int knowledge, int events, int polls,
            int keycloak, int keycloakManagement, int kafka, int mongo) {

        /** The documented local ports (README). */
        public static Ports documented() {
            return new Ports(8080, 9080, 8081, 8082, 8083, 8084, 8180, 9180, 9092, 27017);
        }

        public static Ports free() {
            return new Ports(FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(),
                    FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find());
        }

        int of(String service) {
            return switch (service) {
                case "membership" -> membership;
                case "knowledge" -> knowledge;
                case "events" -> events;
                case "polls" -> polls;
                case "gateway" -> gateway;
                default -> throw new IllegalArgumentException(service);
            };
        }

        List<Integer> all() {
            return List.of(gateway, gatewayManagement, membership, knowledge, events, polls, keycloak,
                    keycloakManagement, kafka, mongo);
        }
    }

    /**
     * @param root the repository, where each app's jar is under {@code <module>/target/}
     * @param data where the parts keep their data and logs
     * @param tuning how the apps' JVMs are set up
     */
    public record Options(Path root, Path data, Ports ports, boolean quiet, Tuning tuning, Storage storage) {

        public Options(Path root, Path data, Ports ports, boolean quiet) {
            this(root, data, ports, quiet, Tuning.QUICK_START, Storage.ON_FILE);
        }
    }

    /** Where the MongoDB-wire server keeps the services' data. */
    public enum Storage {
        /** On an H2 file under the data directory: the local run's data survive a restart. */
        ON_FILE,
        /**
         * In memory, gone when the platform stops: the benchmark, where the stand-in's own costs are
         * not the platform's (the H2 file serialises every index key, a quarter of the harness's CPU
         * in a registration rush).
         */
        IN_MEMORY
    }

    /** How the apps' JVMs are set up. */
    public enum Tuning {
        /** The local run and the tests: C1 only and a small serial heap, quick to start on 2 cores. */
        QUICK_START(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), Map.of()),
        /**
         * The benchmark: the JVM's own JIT (C2 included) and collector, as a deployment runs them;
         * Keycloak too (with C1 only it hashes and signs at about half the speed).
         */
        PRODUCTION(List.of("-Xms256m", "-Xmx768m"), Map.of("JAVA_OPTS_APPEND", ""));

        private final List<String> flags;
        private final Map<String, String> keycloakEnvironment;

        Tuning(List<String> flags, Map<String, String> keycloakEnvironment) {
            this.flags = flags;
            this.keycloakEnvironment = keycloakEnvironment;
        }
    }

    private final Options options;
    private final List<ManagedProcess> apps = new ArrayList<>();
    private EmbeddedMongo mongo;
    private EmbeddedKafka kafka;
    private EmbeddedKeycloak keycloak;
    private Duration startup;

    private LocalPlatform(Options options) {
        this.options = options;
    }

    /** Starts everything and returns once every part is ready; stops what started if one fails. */
    public static LocalPlatform start(Options options) {
        LocalPlatform platform = new LocalPlatform(options);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        Ports ports = options.ports();
        for (int port : ports.all()) {
            if (!FreePorts.isFree(port)) {
                throw new IllegalStateException("port " + port + " is in use: is the platform already running?");
            }
        }
        Path data = options.data().toAbsolutePath();
        Instant started = Instant.now();

        if (options.storage() == Storage.IN_MEMORY) {
            say("MongoDB-wire server on port %d (in memory)", ports.mongo());
            mongo = EmbeddedMongo.inMemory(ports.mongo());
        } else {
            say("MongoDB-wire server on port %d (data in %s)", ports.mongo(), data.resolve("mongo"));
            mongo = EmbeddedMongo.persistent(data.resolve("mongo/mbo-connect.mv"), ports.mongo());
        }

        say("Kafka and Keycloak are starting (Keycloak's first start takes a minute) ...");
        CompletableFuture<EmbeddedKeycloak> keycloakStart = CompletableFuture.supplyAsync(() -> EmbeddedKeycloak
                .start(data.resolve("keycloak"), ports.keycloak(), ports.keycloakManagement(), ports.gateway(),
                        options.tuning().keycloakEnvironment));
        kafka = EmbeddedKafka.start(data.resolve("kafka"), ports.kafka());
        say("Kafka broker ready on port %d", ports.kafka());

        // the services need Kafka for their topics at start-up; Keycloak only when the first token arrives
        for (String service : SERVICES) {
            apps.add(startApp(service + "-service", ports.of(service), serviceEnvironment(service)));
        }
        apps.add(startApp("gateway", ports.gateway(), gatewayEnvironment()));
        for (ManagedProcess app : apps) {
            int port = ports.of(app.name().replace("-service", ""));
            String readiness = operationsUrl(app.name()) + "/actuator/health/readiness";
            app.awaitReady(READY_TIMEOUT, () -> HttpProbe.ok(readiness));
            say("%s ready on port %d", app.name(), port);
        }
        keycloak = keycloakStart.join();
        say("Keycloak ready on port %d", ports.keycloak());
        startup = Duration.between(started, Instant.now());
        say("everything ready in %d s", startup.toSeconds());
    }

    private Map<String, String> serviceEnvironment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_MONGODB_URI", mongoUri(service));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", keycloakUrl() + "/realms/mbo-connect");
        env.put("MBO_SITE_URL", siteUrl()); // links back to the site, e.g. in calendar files
        if (service.equals("events") || service.equals("membership")) {
            // a dozen demo events and the people in them, added once into an empty database
            env.put("MBO_DEMO_ENABLED", "true");
        }
        if (service.equals("membership")) { // gives and takes the lid role through Keycloak's Admin API
            env.put("MBO_KEYCLOAK_URL", keycloakUrl());
        }
        return env;
    }

    private Map<String, String> gatewayEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String service : SERVICES) {
            env.put("MBO_SERVICES_" + service.toUpperCase(), "http://localhost:" + options.ports().of(service));
        }
        env.put("MBO_KEYCLOAK_URL", keycloakUrl());
        // sessions (and the members' tokens) in the platform's MongoDB, so a restart signs nobody out
        env.put("SPRING_MONGODB_URI", mongoUri("gateway"));
        // Keycloak knows only this address; pages asked for as 127.0.0.1 are sent there
        env.put("MBO_SITE_URL", siteUrl());
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(options.ports().gatewayManagement()));
        // plain http, in whatever browser: the one place where the site's cookies are not Secure
        env.put("SERVER_REACTIVE_SESSION_COOKIE_SECURE", "false");
        return env;
    }

    private ManagedProcess startApp(String module, int port, Map<String, String> environment) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(options.tuning().flags);
        command.addAll(List.of("-Dfile.encoding=UTF-8", "-jar", jar(module).toString()));
        return ManagedProcess.start(module, command, env, options.root(),
                options.data().resolve("logs/" + module + ".log"));
    }

    /** {@code <module>/target/<artifact>-<version>.jar}, as {@code ./mvnw package} leaves it. */
    Path jar(String module) {
        Path target = options.root().resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(module + "-") && name.endsWith(".jar") && !name.endsWith("-sources.jar");
            }).findFirst().orElseThrow(() -> new IllegalStateException(
                    "no jar in " + target + ": build first (./mvnw -DskipTests package)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String siteUrl() {
        return "http://localhost:" + options.ports().gateway();
    }

    /** Where an app's actuator answers: the gateway's on its management port, only the metrics scraper's business. */
    public String operationsUrl(String module) {
        return module.equals("gateway") ? "http://localhost:" + options.ports().gatewayManagement()
                : "http://localhost:" + options.ports().of(module.replace("-service", ""));
    }

    public String keycloakUrl() {
        return "http://localhost:" + options.ports().keycloak();
    }

    public String serviceUrl(String service) {
        return "http://localhost:" + options.ports().of(service);
    }

    public String mongoUri(String database) {
        return "mongodb://localhost:" + options.ports().mongo() + "/" + database;
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + options.ports().kafka();
    }

    /** How long the start took, from the first part to everything ready. */
    public Duration startup() {
        return startup;
    }

    /**
     * Resident memory per process: each app, Kafka and Keycloak (MongoDB runs inside the process
     * that started the platform).
     */
    public synchronized Map<String, Long> residentMemory() {
        Map<String, Long> memory = new LinkedHashMap<>();
        apps.forEach(app -> memory.put(app.name(), app.residentBytes()));
        memory.put("kafka", kafka == null ? 0 : kafka.residentBytes());
        memory.put("keycloak", keycloak == null ? 0 : keycloak.residentBytes());
        return memory;
    }

    /**
     * CPU time used so far per process, and by this one ({@code harness}: whoever started the
     * platform, with MongoDB-wire inside it), for the benchmark's "where the CPU went".
     */
    public synchronized Map<String, Duration> cpuTime() {
        Map<String, Duration> used = new LinkedHashMap<>();
        apps.forEach(app -> used.put(app.name(), app.cpuTime()));
        used.put("kafka", kafka == null ? Duration.ZERO : kafka.cpuTime());
        used.put("keycloak", keycloak == null ? Duration.ZERO : keycloak.cpuTime());
        used.put("harness", ManagedProcess.cpuTime(java.util.stream.Stream.of(ProcessHandle.current())));
        return used;
    }

    public Path logs() {
        return options.data().resolve("logs");
    }

    /** Stops the apps first (they finish their work), then Kafka, Keycloak and MongoDB (which flushes). */
    @Override
    public synchronized void close() {
        List<CompletableFuture<Void>> stopping = apps.stream()
                .map(app -> CompletableFuture.runAsync(() -> app.stop(Duration.ofSeconds(30)))).toList();
        stopping.forEach(CompletableFuture::join);
        apps.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
    }

    private void say(String format, Object... arguments) {
        if (!options.quiet()) {
            System.out.printf("[mbo] " + format + "%n", arguments);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code ./mbo run}: the documented ports, data under {@code .data/}, until Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("mbo.root", ".")).toAbsolutePath().normalize();
        Options options = new Options(root, root.resolve(".data"), Ports.documented(), false);
        LocalPlatform platform;
        try {
            platform = start(options);
        } catch (RuntimeException e) {
            System.err.println("[mbo] could not start the platform: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[mbo] stopping ...");
            platform.close();
            System.out.println("[mbo] stopped; your data stays in " + options.data());
        }, "stop-platform"));
        System.out.println(banner(platform));
        Thread.currentThread().join();
    }

    static String banner(LocalPlatform platform) {
        return """

                ================================================================
                  MBO Connect runs at  %s

                  Demo accounts (local only), password for each: mboconnect
                    sanne   Sanne de Vries    vriend
                    joris   Joris Bakker      vriend, lid
                    noor    Noor El Amrani    vriend, redacteur
                    pieter  Pieter Jansen     vriend, beheerder

                  Keycloak console     %s/admin   (admin / %s)
                  Gateway metrics      %s/actuator/prometheus
                  Logs                 %s
                  Stop with Ctrl-C; data stays in .data/ (delete it to start afresh)
                ================================================================
                """.formatted(platform.siteUrl(), platform.keycloakUrl(), EmbeddedKeycloak.ADMIN_PASSWORD,
                platform.operationsUrl("gateway"), platform.logs());
    }
}

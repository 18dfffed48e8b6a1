package nl.mboconnect.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * A real Kafka broker, KRaft combined mode, one node, run from Kafka's own jars as a child process
 * (see the kafka-broker module). Its data and ports live in a work directory: a second start on the
 * same directory keeps the topics and messages, which the local run relies on.
 */
public final class EmbeddedKafka implements TestInfrastructure.Kafka, AutoCloseable {

    static final String CLASSPATH_RESOURCE = "/kafka-broker.classpath";
    private static final String MAIN_CLASS = "nl.mboconnect.kafkabroker.BrokerMain";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path workDirectory;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> extraProperties;
    private final List<String> jvmOptions;
    private ManagedProcess process;

    private EmbeddedKafka(Path workDirectory, int port, int controllerPort, Map<String, String> extraProperties,
            List<String> jvmOptions) {
        this.workDirectory = workDirectory.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.extraProperties = Map.copyOf(extraProperties);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Starts a broker on {@code port} (0: a free port, kept for later starts on the same directory). */
    public static EmbeddedKafka start(Path workDirectory, int port) {
        return start(workDirectory, port, Map.of(), List.of());
    }

    /**
     * @param extraProperties broker settings added to (or replacing) the defaults, e.g. more listeners
     * @param jvmOptions      options for the broker's JVM, e.g. system properties its plug-ins need
     */
    public static EmbeddedKafka start(Path workDirectory, int port, Map<String, String> extraProperties,
            List<String> jvmOptions) {
        Properties ports = savedPorts(workDirectory);
        int brokerPort = port != 0 ? port : Integer.parseInt(ports.getProperty("broker", "0"));
        int controller = Integer.parseInt(ports.getProperty("controller", "0"));
        EmbeddedKafka kafka = new EmbeddedKafka(workDirectory, brokerPort == 0 ? FreePorts.find() : brokerPort,
                controller == 0 ? FreePorts.find() : controller, extraProperties, jvmOptions);
        kafka.savePorts();
        kafka.startBroker();
        return kafka;
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    private Path logFile() {
        return workDirectory.resolve("broker.log");
    }

    /** Stops the broker cleanly; its data stays. */
    @Override
    public synchronized void makeUnavailable() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** Starts it again on the same port and data. */
    @Override
    public synchronized void makeAvailable() {
        if (process == null) {
            startBroker();
        }
    }

    /** Resident memory of the process, for the benchmark's figures. */
    public synchronized long residentBytes() {
        return process == null ? 0 : process.residentBytes();
    }

    /** CPU time used so far (zero before the start). */
    public synchronized java.time.Duration cpuTime() {
        return process == null ? java.time.Duration.ZERO : process.cpuTime();
    }

    @Override
    public synchronized void close() {
        makeUnavailable();
    }

    private synchronized void startBroker() {
        try {
            Path data = Files.createDirectories(workDirectory.resolve("data"));
            Path properties = workDirectory.resolve("server.properties");
            Files.writeString(properties, serverProperties(data));
            Path logConfig = workDirectory.resolve("log4j2.properties");
            Files.writeString(logConfig, LOG_CONFIG);
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms64m", "-Xmx512m",
                    // a small broker gains nothing from C2 or G1 but pays for them at start-up on 2 cores
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                    "-Dlog4j2.configurationFile=" + logConfig, "-Dkafka.logs.dir=" + workDirectory));
            if (Runtime.version().feature() >= 24) {
                command.add("--sun-misc-unsafe-memory-access=allow");
            }
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", brokerClasspath(), MAIN_CLASS, clusterId(), properties.toString(),
                    data.toString()));
            process = ManagedProcess.start("kafka", command, Map.of(), workDirectory, logFile());
            process.awaitReady(START_TIMEOUT, this::answers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean answers() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 1000);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                    .get(3, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String serverProperties(Path data) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", data.toString());
        // one node: one replica everywhere, and internal topics with one partition (50 by default,
        // which costs seconds at every start on two cores)
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // services declare their topics; a typo must not silently create a new one
        p.put("auto.create.topics.enable", "false");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("background.threads", "2");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.putAll(extraProperties);
        StringBuilder text = new StringBuilder("# written by EmbeddedKafka at every start\n");
        p.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
        return text.toString();
    }

    private String clusterId() throws IOException {
        Path file = workDirectory.resolve("cluster.id");
        if (!Files.exists(file)) {
            UUID uuid = UUID.randomUUID();
            byte[] bytes = java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            // Kafka refuses ids that start with '-' (they look like an option)
            Files.writeString(file, id.startsWith("-") ? "A" + id.substring(1) : id);
        }
        return Files.readString(file).strip();
    }

    private static Properties savedPorts(Path workDirectory) {
        Properties ports = new Properties();
        Path file = workDirectory.resolve("ports.properties");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                ports.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ports;
    }

    private void savePorts() {
        try {
            Files.createDirectories(workDirectory);
            Files.writeString(workDirectory.resolve("ports.properties"),
                    "broker=" + port + "\ncontroller=" + controllerPort + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The broker's jars as the kafka-broker module recorded them at build time, and that module's own
     * classes (BrokerMain). Both are absolute paths on the machine that built it.
     */
    static String brokerClasspath() throws IOException {
        String classpath;
        Properties module = new Properties();
        try (InputStream jars = resource(CLASSPATH_RESOURCE); InputStream own = resource("/kafka-broker.properties")) {
            classpath = new String(jars.readAllBytes(), StandardCharsets.UTF_8).strip();
            module.load(own);
        }
        List<String> entries = new ArrayList<>(List.of(classpath.split(java.io.File.pathSeparator)));
        entries.add(module.getProperty("classes"));
        List<String> missing = entries.stream().filter(entry -> !Files.exists(Path.of(entry))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the Kafka broker's classpath is incomplete; build infra/kafka-broker on "
                    + "this machine (./mvnw -DskipTests install). Missing: " + missing);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static InputStream resource(String name) {
        InputStream in = EmbeddedKafka.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath; build infra/kafka-broker");
        }
        return in;
    }

    private static final String LOG_CONFIG = """
            status = warn
            appender.out.type = Console
            appender.out.name = STDOUT
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = WARN
            rootLogger.appenderRef.out.ref = STDOUT
            logger.server.name = kafka.server.KafkaRaftServer
            logger.server.level = INFO
            """;
}

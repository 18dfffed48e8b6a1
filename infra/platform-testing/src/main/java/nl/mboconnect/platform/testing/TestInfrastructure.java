package nl.mboconnect.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * MongoDB, Kafka and Keycloak for tests, started once per test JVM and shared, from one of two
 * providers with the same contract:
 * <ul>
 * <li>{@code containers}: {@code mongo:8}, {@code apache/kafka}, {@code quay.io/keycloak/keycloak}
 * with Testcontainers, chosen when a Docker engine answers;</li>
 * <li>{@code embedded}: mongo-java-server in this JVM, a real Kafka broker and the Keycloak
 * distribution as child processes, chosen otherwise.</li>
 * </ul>
 * The system property {@value #PROVIDER_PROPERTY} ({@code embedded}, {@code containers},
 * {@code auto}) forces either.
 */
public final class TestInfrastructure {

    public static final String PROVIDER_PROPERTY = "mbo.test.infrastructure";
    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    public enum Provider {
        EMBEDDED, CONTAINERS
    }

    private static Provider provider;
    private static Path workDirectory;
    private static Mongo mongo;
    private static Kafka kafka;
    private static Keycloak keycloak;

    private TestInfrastructure() {
    }

    public static synchronized Provider provider() {
        if (provider == null) {
            String wanted = System.getProperty(PROVIDER_PROPERTY, "auto").toLowerCase(Locale.ROOT);
            provider = switch (wanted) {
                case "embedded" -> Provider.EMBEDDED;
                case "containers" -> Provider.CONTAINERS;
                case "auto" -> dockerAvailable() ? Provider.CONTAINERS : Provider.EMBEDDED;
                default -> throw new IllegalArgumentException(PROVIDER_PROPERTY + " must be embedded, containers or auto");
            };
            log.info("test infrastructure: {}", provider);
        }
        return provider;
    }

    /** A connection string for {@code database}, on the shared MongoDB-wire server. */
    public static synchronized String mongoUri(String database) {
        if (mongo == null) {
            mongo = provider() == Provider.CONTAINERS ? ContainerInfrastructure.mongo() : embeddedMongo();
        }
        return mongo.uri(database);
    }

    public static synchronized Kafka kafka() {
        if (kafka == null) {
            kafka = provider() == Provider.CONTAINERS ? ContainerInfrastructure.kafka()
                    : EmbeddedKafka.start(directory("kafka"), 0);
        }
        return kafka;
    }

    /** Keycloak with the realm {@code mbo-connect} imported; started on first use (it takes a while). */
    public static synchronized Keycloak keycloak() {
        if (keycloak == null) {
            int gatewayPort = FreePorts.find();
            keycloak = provider() == Provider.CONTAINERS ? ContainerInfrastructure.keycloak(gatewayPort)
                    : EmbeddedKeycloak.start(directory("keycloak"), 0, gatewayPort);
        }
        return keycloak;
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Mongo embeddedMongo() {
        EmbeddedMongo server = EmbeddedMongo.inMemory(0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-embedded-mongo"));
        return server::uri;
    }

    /** A fresh directory for this JVM's infrastructure, under the build's target/ when there is one. */
    static synchronized Path directory(String name) {
        try {
            if (workDirectory == null) {
                Path target = Path.of("target");
                workDirectory = Files.isDirectory(target)
                        ? Files.createTempDirectory(target.toAbsolutePath(), "test-infrastructure-")
                        : Files.createTempDirectory("mbo-test-infrastructure-");
            }
            return Files.createDirectories(workDirectory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface Mongo {
        String uri(String database);
    }

    /** A Kafka broker a test may also take away for a while, to see what happens meanwhile. */
    public interface Kafka {

        String bootstrapServers();

        /** Makes the broker unreachable, keeping its data. */
        void makeUnavailable();

        /** Brings it back at the same address with the same data. */
        void makeAvailable();
    }

    public interface Keycloak {

        /** e.g. {@code http://localhost:8180} */
        String url();

        /** {@code <url>/realms/mbo-connect} */
        default String issuer() {
            return url() + "/realms/mbo-connect";
        }

        /** The port the realm's redirect URIs expect the gateway on. */
        int gatewayPort();

        String adminUsername();

        String adminPassword();
    }
}

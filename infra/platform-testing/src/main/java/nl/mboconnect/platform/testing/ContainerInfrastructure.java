package nl.mboconnect.platform.testing;

import java.time.Duration;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The containers provider of {@link TestInfrastructure}: the same images docker-compose runs. */
final class ContainerInfrastructure {

    static final String MONGO_IMAGE = "mongo:8";
    static final String KAFKA_IMAGE = "apache/kafka:4.4.0";
    static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:" + RealmFile.keycloakVersion();

    private ContainerInfrastructure() {
    }

    static TestInfrastructure.Mongo mongo() {
        MongoDBContainer container = new MongoDBContainer(MONGO_IMAGE);
        container.start();
        return container::getReplicaSetUrl;
    }

    static TestInfrastructure.Kafka kafka() {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        return new TestInfrastructure.Kafka() {

            @Override
            public String bootstrapServers() {
                return container.getBootstrapServers();
            }

            /** Paused, the broker keeps its data and its mapped port but answers nobody. */
            @Override
            public void makeUnavailable() {
                DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
            }

            @Override
            public void makeAvailable() {
                DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
            }
        };
    }

    static TestInfrastructure.Keycloak keycloak(int gatewayPort) {
        GenericContainer<?> container = new GenericContainer<>(KEYCLOAK_IMAGE)
                .withExposedPorts(8080, 9000)
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", EmbeddedKeycloak.ADMIN_USERNAME)
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", EmbeddedKeycloak.ADMIN_PASSWORD)
                .withEnv("KC_HEALTH_ENABLED", "true")
                .withEnv(RealmFile.GATEWAY_URL_VARIABLE, "http://localhost:" + gatewayPort)
                .withCopyToContainer(Transferable.of(RealmFile.read()), "/opt/keycloak/data/import/mbo-connect.json")
                .withCommand("start-dev", "--import-realm")
                .waitingFor(Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(Duration.ofMinutes(3)));
        container.start();
        String url = "http://localhost:" + container.getMappedPort(8080);
        return new TestInfrastructure.Keycloak() {

            @Override
            public String url() {
                return url;
            }

            @Override
            public int gatewayPort() {
                return gatewayPort;
            }

            @Override
            public String adminUsername() {
                return EmbeddedKeycloak.ADMIN_USERNAME;
            }

            @Override
            public String adminPassword() {
                return EmbeddedKeycloak.ADMIN_PASSWORD;
            }
        };
    }
}

package nl.mboconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml runs the same platform on real images. Where the docker client has compose,
 * {@code docker compose config} must accept it; everywhere, its parts must point at what exists.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("mbo.root", "../..")).toAbsolutePath().normalize();
    private static final List<String> APPS = List.of("gateway", "membership-service", "knowledge-service",
            "events-service", "polls-service");

    @SuppressWarnings("unchecked")
    private final Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose()
            .get("services");

    @Test
    void dockerComposeAcceptsTheFileWhereItIsInstalled() throws Exception {
        assumeTrue(commandWorks("docker", "compose", "version"), "the docker client has no compose here");
        Process config = new ProcessBuilder("docker", "compose", "-f", ROOT.resolve("docker-compose.yml").toString(),
                "config", "--quiet").redirectErrorStream(true).start();
        String output = new String(config.getInputStream().readAllBytes());
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue()).as(output).isZero();
    }

    @Test
    void itRunsTheInfrastructureOnTheImagesTheTestsUse() {
        assertThat(services).containsKeys("mongo", "kafka", "keycloak", "prometheus", "grafana");
        assertThat(services.get("mongo").get("image")).isEqualTo("mongo:8");
        assertThat((String) services.get("kafka").get("image")).startsWith("apache/kafka:");
        assertThat((String) services.get("keycloak").get("image")).startsWith("quay.io/keycloak/keycloak:");
        assertThat(String.valueOf(services.get("mongo").get("command"))).contains("--replSet");
    }

    @Test
    void everyAppIsBuiltFromItsOwnDockerfileFromItsOwnJar() throws IOException {
        for (String app : APPS) {
            assertThat(services).containsKey(app);
            Path context = ROOT.resolve((String) services.get(app).get("build"));
            String dockerfile = Files.readString(context.resolve("Dockerfile"));
            assertThat(dockerfile).contains("COPY target/" + app + "-");
            assertThat(ROOT.resolve(app).resolve("pom.xml")).exists();
        }
    }

    @Test
    void theServicesFindTheirDatabaseKafkaAndTheIssuer() {
        for (String service : APPS.subList(1, APPS.size())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> env = (Map<String, Object>) services.get(service).get("environment");
            String database = service.replace("-service", "");
            assertThat(env).containsEntry("SPRING_MONGODB_URI", "mongodb://mongo:27017/" + database + "?replicaSet=rs0")
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:19092")
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                            "http://localhost:8180/realms/mbo-connect");
        }
    }

    @Test
    void theGatewayKeepsSessionsInMongoDbKnowsTheSitesAddressAndPublishesOnlyTheSite() {
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) services.get("gateway").get("environment");
        assertThat(env).containsEntry("SPRING_MONGODB_URI", "mongodb://mongo:27017/gateway?replicaSet=rs0")
                .containsEntry("MBO_SITE_URL", "http://localhost:8080")
                // the cookies stay Secure here; only the local run turns that off
                .doesNotContainKey("SERVER_REACTIVE_SESSION_COOKIE_SECURE");
        assertThat(String.valueOf(services.get("gateway").get("ports"))).contains("8080:8080").doesNotContain("9080");
        assertThat(String.valueOf(services.get("gateway").get("depends_on"))).contains("mongo");
    }

    @Test
    void keycloakImportsTheRealmFileOfTheRepository() {
        @SuppressWarnings("unchecked")
        List<String> volumes = (List<String>) services.get("keycloak").get("volumes");
        String realm = volumes.stream().filter(volume -> volume.contains("realm-mbo-connect.json")).findFirst()
                .orElseThrow();
        assertThat(ROOT.resolve(realm.split(":")[0])).exists();
    }

    @Test
    void prometheusScrapesEveryAppAndGrafanaHasItsDashboard() throws IOException {
        String prometheus = Files.readString(ROOT.resolve("infra/prometheus/prometheus.yml"));
        assertThat(prometheus).contains("/actuator/prometheus", "gateway:9080", "membership-service:8081",
                "knowledge-service:8082", "events-service:8083", "polls-service:8084");
        assertThat(ROOT.resolve("infra/grafana/provisioning/datasources/prometheus.yml")).exists();
        assertThat(ROOT.resolve("infra/grafana/dashboards/mbo-connect.json")).content().contains("mbo_outbox_published_total");
    }

    private static Map<String, Object> compose() {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package nl.mboconnect.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The published contract of an event type: its JSON Schema on the producer's classpath at
 * {@code events/<type>.schema.json}. Producers test what they publish against it; the schema files
 * are what consumers (and partners) read.
 */
public final class EventContracts {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventContracts() {
    }

    public static String schemaResource(String type) {
        return "events/" + type + ".schema.json";
    }

    public static boolean hasSchema(String type) {
        return EventContracts.class.getClassLoader().getResource(schemaResource(type)) != null;
    }

    /** What is wrong with {@code json} as the data of an event of {@code type}; empty when it fits. */
    public static List<String> violations(String type, String json) {
        try (InputStream schemaText = EventContracts.class.getClassLoader().getResourceAsStream(schemaResource(type))) {
            if (schemaText == null) {
                return List.of("no schema at " + schemaResource(type));
            }
            return violations(schemaText, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Holds what a consumer's test sends to what the producer publishes: the data must fit the JSON
     * Schema of the service that produces {@code type} ({@code nl.mboconnect.<service>.…}), read from
     * that service's sources in this repository, so a consumer test cannot drift from the contract.
     * Types of no service of this repository (a test's own) are not checked.
     *
     * @throws AssertionError when the producer publishes no such type, or the data does not fit it
     */
    public static void requirePublishable(String type, String json) {
        String[] parts = type.split("\\.");
        if (parts.length < 3 || !type.startsWith("nl.mboconnect.")) {
            return;
        }
        Path producer = repositoryRoot().resolve(parts[2] + "-service");
        if (!Files.isDirectory(producer)) {
            return;
        }
        Path schemaFile = producer.resolve("src/main/resources").resolve(schemaResource(type));
        if (!Files.exists(schemaFile)) {
            throw new AssertionError(parts[2] + "-service publishes no " + type + " (no " + schemaFile + ")");
        }
        try (InputStream schemaText = Files.newInputStream(schemaFile)) {
            List<String> violations = violations(schemaText, json);
            if (!violations.isEmpty()) {
                throw new AssertionError(parts[2] + "-service would never publish this " + type + ": " + violations
                        + "\n" + json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> violations(InputStream schemaText, String json) {
        Schema schema = SCHEMAS.getSchema(schemaText, InputFormat.JSON);
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    /** The repository, as the build tells the tests ({@code mbo.root}); else found upwards from here. */
    static Path repositoryRoot() {
        String root = System.getProperty("mbo.root");
        if (root != null) {
            return Path.of(root);
        }
        for (Path here = Path.of("").toAbsolutePath(); here != null; here = here.getParent()) {
            if (Files.exists(here.resolve("mbo")) && Files.isDirectory(here.resolve("infra"))) {
                return here;
            }
        }
        throw new IllegalStateException("cannot find the repository; set -Dmbo.root");
    }
}

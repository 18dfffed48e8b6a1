package nl.mboconnect.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
            Schema schema = SCHEMAS.getSchema(schemaText, InputFormat.JSON);
            return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package nl.mboconnect.platform.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service under test at the shared test infrastructure: its own database on the
 * MongoDB-wire server, the Kafka broker, and {@link TestTokens} as the token issuer. Used through
 * {@link ServiceTest}; the infrastructure starts once per test JVM and is shared by every context.
 */
public class ServiceTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY_SOURCE = "mboTestInfrastructure";
    /** {@code @TestPropertySource(properties = "mbo.test.database=…")}: the test's own database, not the shared one. */
    public static final String DATABASE_PROPERTY = "mbo.test.database";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String application = context.getEnvironment().getProperty("spring.application.name", "service");
        // a test class that needs a database of its own (an empty one, say) names it
        String database = context.getEnvironment().getProperty(DATABASE_PROPERTY, application + "-test");
        Map<String, Object> properties = properties(database);
        // its consumers write into its database: another context, with a database of its own, reads for itself
        properties.put("mbo.events.consumer-group-prefix", application + "." + database);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    /** The properties a service needs to run on the test infrastructure. */
    public static Map<String, Object> properties(String database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", TestInfrastructure.mongoUri(database));
        if (usesKafka()) { // a service without the event mechanisms starts no broker
            properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
        }
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.issuer());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri());
        return properties;
    }

    private static boolean usesKafka() {
        try {
            Class.forName("org.springframework.kafka.core.KafkaTemplate", false,
                    ServiceTestInfrastructure.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

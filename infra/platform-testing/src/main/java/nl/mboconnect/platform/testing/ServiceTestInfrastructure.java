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

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String application = context.getEnvironment().getProperty("spring.application.name", "service");
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource(PROPERTY_SOURCE, properties(application)));
    }

    /** The properties a service needs to run on the test infrastructure. */
    public static Map<String, Object> properties(String application) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", TestInfrastructure.mongoUri(application + "-test"));
        properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.issuer());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri());
        return properties;
    }
}

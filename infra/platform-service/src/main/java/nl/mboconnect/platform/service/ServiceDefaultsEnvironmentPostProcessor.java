package nl.mboconnect.platform.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds every platform module's defaults ({@code META-INF/mbo/*-defaults.properties}: the service
 * defaults, the event mechanisms' Kafka settings) as property sources of lowest precedence, so every
 * service starts from the same defaults and overrides them in its own {@code application.yml}. A service
 * that does not name itself ({@code mbo.service.name}) is named after its application, less {@code -service}.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PATTERN = "classpath*:META-INF/mbo/*-defaults.properties";

    static final String SERVICE_NAME = "mbo.service.name";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication springApplication) {
        String application = environment.getProperty("spring.application.name");
        if (!environment.containsProperty(SERVICE_NAME) && application != null) {
            // events-service serves /api/events/**: its name without the suffix, unless it says otherwise
            environment.getPropertySources().addLast(new MapPropertySource("mboServiceName",
                    Map.of(SERVICE_NAME, application.replaceFirst("-service$", ""))));
        }
        try {
            for (Resource defaults : new PathMatchingResourcePatternResolver().getResources(PATTERN)) {
                environment.getPropertySources().addLast(
                        new ResourcePropertySource("mboDefaults:" + defaults.getFilename(), defaults));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

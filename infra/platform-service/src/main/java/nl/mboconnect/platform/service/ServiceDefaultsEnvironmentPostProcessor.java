package nl.mboconnect.platform.service;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds every platform module's defaults ({@code META-INF/mbo/*-defaults.properties}: the service
 * defaults, the event mechanisms' Kafka settings) as property sources of lowest precedence, so every
 * service starts from the same defaults and overrides them in its own {@code application.yml}.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PATTERN = "classpath*:META-INF/mbo/*-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
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

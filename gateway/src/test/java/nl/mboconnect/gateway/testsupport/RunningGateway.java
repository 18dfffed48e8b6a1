package nl.mboconnect.gateway.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import nl.mboconnect.gateway.GatewayApplication;

/**
 * A whole gateway, started the way its jar starts, with settings as command-line arguments (which
 * win over application.yml), so a test can stop it, start it again, or run two side by side.
 */
public final class RunningGateway implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private RunningGateway(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    public static RunningGateway start(int port, Map<String, String> settings) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--management.server.port=0");
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
                .run(args.toArray(String[]::new));
        return new RunningGateway(context, port);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}

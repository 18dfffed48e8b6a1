package nl.mboconnect.platform.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds a service's OpenAPI document to its resources: every operation a resource maps must be in
 * the document, so a resource cannot be added without being described.
 */
public final class ApiDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiDocuments() {
    }

    /**
     * Fetches the service's document from {@code /api/<service>/openapi}, anonymously as a developer
     * does, and fails unless it is there and describes every operation the service's resources map.
     *
     * @return the document, for further checks
     */
    public static String requireEveryOperationDescribed(ApplicationContext service, int port) {
        String name = service.getEnvironment().getRequiredProperty("mbo.service.name");
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/" + name + "/openapi")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("/api/" + name + "/openapi answered " + response.statusCode());
            }
            List<String> missing = undocumented(service, response.body());
            if (operations(service).isEmpty() || !missing.isEmpty()) {
                throw new AssertionError("the API document of " + name + " lacks " + missing);
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The operations ({@code GET /api/events/agenda}) the service's own resources map but the
     * document lacks; the platform's and the framework's endpoints are left out.
     */
    public static List<String> undocumented(ApplicationContext service, String documentJson) {
        JsonNode paths = JSON.readTree(documentJson).path("paths");
        TreeSet<String> missing = new TreeSet<>();
        for (String operation : operations(service)) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            if (paths.path(path).path(method.toLowerCase(Locale.ROOT)).isMissingNode()) {
                missing.add(operation);
            }
        }
        return List.copyOf(missing);
    }

    /** Every {@code METHOD path} the service's resources (classes under {@code nl.mboconnect}) map. */
    public static List<String> operations(ApplicationContext service) {
        List<String> operations = new ArrayList<>();
        service.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> {
                    if (ownResource(handler)) {
                        for (String path : info.getPatternValues()) {
                            for (RequestMethod method : methods(info)) {
                                operations.add(method.name() + " " + path.replaceAll("\\{([^}:]+):[^}]+}", "{$1}"));
                            }
                        }
                    }
                }));
        return operations;
    }

    /** The platform has no resources of its own; springdoc's and Boot's are not in the document. */
    private static boolean ownResource(HandlerMethod handler) {
        return handler.getBeanType().getName().startsWith("nl.mboconnect.");
    }

    private static List<RequestMethod> methods(RequestMappingInfo info) {
        var methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(methods);
    }
}

package nl.mboconnect.platform.service;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import nl.mboconnect.platform.domain.Roles;

/**
 * Each service's OpenAPI document, generated from its resources, at {@code /api/<service>/openapi}
 * (so the gateway serves it on the same route): with the roles each operation needs, read from
 * the role annotations, and the {@code application/problem+json} answers it can give.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    /** The document's addresses, readable without a token. */
    static final String[] PATHS = { "/api/*/openapi", "/api/*/openapi/**", "/api/*/openapi.yaml" };
    static final String PROBLEM = "Problem";
    static final String BEARER = "keycloak";
    /** The extension naming the realm roles an operation needs; absent where anyone may call it. */
    static final String ROLES_EXTENSION = "x-mbo-roles";

    private static final Map<Class<? extends Annotation>, Set<String>> ROLE_ANNOTATIONS = Map.of(
            MembersOnly.class, Roles.MEMBERS,
            EditorsOnly.class, Roles.EDITORS,
            AdministratorsOnly.class, Roles.ADMINISTRATORS,
            PartnersAndAdministrators.class, Roles.PARTNERS_AND_ADMINISTRATORS);

    @Bean
    OpenApiCustomizer platformApiDocument(@Value("${spring.application.name}") String application) {
        return api -> {
            if (api.getInfo() == null) {
                api.setInfo(new Info());
            }
            api.getInfo().title("MBO Connect " + application).version("v1")
                    .description("Errors are application/problem+json (RFC 9457) with a stable type "
                            + "https://mboconnect.nl/problems/<code>. Tokens come from Keycloak's realm mbo-connect "
                            + "(audience mbo-connect-api); through the gateway, the member's session carries them.");
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.setComponents(components
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .bearerFormat("JWT"))
                    .addSchemas(PROBLEM, problemSchema()));
        };
    }

    @Bean
    OperationCustomizer platformOperations() {
        return (operation, handler) -> {
            Set<String> roles = rolesOf(handler);
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            if (takesInput(handler)) {
                responses.addApiResponse("400", problem("The input is invalid; `errors` names the fields."));
            }
            if (!roles.isEmpty()) {
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                operation.addExtension(ROLES_EXTENSION, List.copyOf(new TreeSet<>(roles)));
                String who = "Who: " + String.join(", ", new TreeSet<>(roles)) + ".";
                operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
                responses.addApiResponse("401", problem("No valid token."));
                responses.addApiResponse("403", problem("The caller's roles do not allow this."));
            }
            if (hasPathVariables(handler)) {
                responses.addApiResponse("404", problem("Not there, or not for this caller to see."));
            }
            if (!isRead(handler)) {
                responses.addApiResponse("409", problem("Not possible in the state things are in."));
            }
            responses.addApiResponse("503", problem("A part this needs is away for a while; see Retry-After."));
            operation.setResponses(responses);
            return operation;
        };
    }

    /** The roles an operation needs, from its role annotation or its resource's; empty when open to anyone. */
    static Set<String> rolesOf(HandlerMethod handler) {
        for (var annotation : ROLE_ANNOTATIONS.entrySet()) {
            if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), annotation.getKey())
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), annotation.getKey())) {
                return annotation.getValue();
            }
        }
        return Set.of();
    }

    private static boolean takesInput(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)
                    || parameter.hasParameterAnnotation(RequestParam.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasPathVariables(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRead(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), GetMapping.class);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema violation = new ObjectSchema();
        violation.addProperty("field", new StringSchema().description("path of the field in the request"));
        violation.addProperty("code", new StringSchema().description("stable code, e.g. required, size, too-long"));
        violation.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri")
                .description("https://mboconnect.nl/problems/<code>: what to branch on"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri"));
        problem.addProperty("errors", new ArraySchema().items(violation).description("for invalid input"));
        return problem;
    }
}

package nl.mboconnect.gateway.developer;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.gateway.BackendServices;

/**
 * One address for developers, {@code /api-docs}: where each service's OpenAPI document is. The
 * documents themselves come from the services through their own routes
 * ({@code /api/<service>/openapi}, generated from their resources), so they are never out of date.
 */
@RestController
class ApiDocumentsResource {

    record Document(String service, String openapi, String yaml) {
    }

    record Index(String title, String description, List<Document> documents) {
    }

    @GetMapping("/api-docs")
    Index index() {
        return new Index("MBO Connect API",
                "OpenAPI 3.1 documents of the platform's services, generated from their resources. Errors are "
                        + "application/problem+json; x-mbo-roles names the realm roles an operation needs. Through "
                        + "the gateway a signed-in member's session carries the token; a partner sends its own.",
                BackendServices.NAMES.stream().map(service -> new Document(service, "/api/" + service + "/openapi",
                        "/api/" + service + "/openapi.yaml")).toList());
    }
}

package nl.mboconnect.membership;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.mboconnect.platform.testing.ApiDocuments;
import nl.mboconnect.platform.testing.ServiceTest;

/** The service describes its API at /api/membership/openapi, every operation of it. */
@ServiceTest
class ApiDocumentTest {

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void everyOperationIsInTheApiDocument() {
        ApiDocuments.requireEveryOperationDescribed(context, port);
    }
}

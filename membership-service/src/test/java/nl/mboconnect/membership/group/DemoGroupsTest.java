package nl.mboconnect.membership.group;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestTokens;

/**
 * The local run's demo, on a database of its own: every demo group is made through the rules, and
 * each demo account sees what the demo promises (the secret group only its members and Joris, whom
 * it invited; Noor the requests to her closed group).
 */
@ServiceTest
@TestPropertySource(properties = { "mbo.test.database=demo-groups", "mbo.demo.enabled=true" })
class DemoGroupsTest {

    @LocalServerPort
    int port;

    @Test
    void theDemoGroupsAreThereAsEachDemoAccountShouldSeeThem() {
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        var joris = TestTokens.member("joris", "vriend", "lid").subject(DemoGroups.JORIS);
        var sanne = TestTokens.member("sanne", "vriend").subject(DemoGroups.SANNE);
        var noor = TestTokens.member("noor", "vriend", "redacteur").subject(DemoGroups.NOOR);

        http.get().uri("/api/membership/groups").header(HttpHeaders.AUTHORIZATION, joris.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(DemoGroups.GROUPS.size())
                .jsonPath("$.items[?(@.name == 'Werkgroep jaarcongres')].me.status").isEqualTo("INVITED")
                .jsonPath("$.items[?(@.name == 'Leden van de vereniging')].memberCount").isEqualTo(5);
        http.get().uri("/api/membership/groups").header(HttpHeaders.AUTHORIZATION, sanne.bearer()).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(DemoGroups.GROUPS.size() - 1);
        http.get().uri("/api/membership/groups/6d626f63-0000-4000-8000-000000000202/requests")
                .header(HttpHeaders.AUTHORIZATION, noor.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(2);
    }
}

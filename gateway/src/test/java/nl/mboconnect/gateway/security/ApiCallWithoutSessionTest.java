package nl.mboconnect.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** Which requests take the short way through the gateway's security (no session, no CSRF). */
class ApiCallWithoutSessionTest {

    private static final String COOKIE = "MBO_SESSION";

    @Test
    void anApiReadWithoutTheSessionCookieAndACallWithItsOwnTokenTakeTheShortWay() {
        assertThat(lean(MockServerHttpRequest.get("/api/events/agenda"))).isTrue();
        assertThat(lean(MockServerHttpRequest.head("/api/events/agenda"))).isTrue();
        assertThat(lean(MockServerHttpRequest.get("/api/events/agenda").cookie(new HttpCookie("lang", "en"),
                new HttpCookie("XSRF-TOKEN", "t")))).isTrue();
        assertThat(lean(MockServerHttpRequest.post("/api/events/events/e1/registrations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer x"))).isTrue();
    }

    @Test
    void aMembersCallAnAnonymousWritePagesAndTheSessionEndpointGoTheSitesWay() {
        // the member's session relays their token
        assertThat(lean(MockServerHttpRequest.get("/api/events/agenda").cookie(new HttpCookie(COOKIE, "s")))).isFalse();
        assertThat(lean(MockServerHttpRequest.post("/api/events/feed").header(HttpHeaders.AUTHORIZATION, "Bearer x")
                .cookie(new HttpCookie(COOKIE, "s")))).isFalse();
        // a write without a token of its own needs the CSRF token
        assertThat(lean(MockServerHttpRequest.post("/api/polls/votes"))).isFalse();
        assertThat(lean(MockServerHttpRequest.delete("/api/membership/callbacks/1"))).isFalse();
        assertThat(lean(MockServerHttpRequest.get("/agenda"))).isFalse();
        assertThat(lean(MockServerHttpRequest.get("/bff/session"))).isFalse();
        assertThat(lean(MockServerHttpRequest.get("/apiary"))).isFalse();
        assertThat(lean(MockServerHttpRequest.get("/oauth2/authorization/keycloak"))).isFalse();
    }

    private static boolean lean(MockServerHttpRequest.BaseBuilder<?> request) {
        return SecurityConfiguration.apiCallWithoutSession(COOKIE).matches(MockServerWebExchange.from(request))
                .block().isMatch();
    }
}

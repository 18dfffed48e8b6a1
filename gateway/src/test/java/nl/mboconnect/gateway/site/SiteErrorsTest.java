package nl.mboconnect.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import io.netty.channel.ConnectTimeoutException;

/** What a failed proxied request is answered with: never a 500 for what a service did. */
class SiteErrorsTest {

    @Test
    void aServiceThatDoesNotAnswerIsUnavailable() {
        assertThat(SiteErrors.statusOf(new ConnectException("refused"))).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(SiteErrors.statusOf(new ConnectTimeoutException("connection timed out after 30000 ms")))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(SiteErrors.statusOf(new IllegalStateException(new TimeoutException())))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    /** As reactor-netty's pool names it when every connection to a service stayed busy past the wait. */
    static final class PoolAcquirePendingLimitException extends RuntimeException {
    }

    @Test
    void noFreeConnectionToTheServiceInTimeIsUnavailable() {
        assertThat(SiteErrors.statusOf(new PoolAcquirePendingLimitException())).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aServiceThatBreaksTheConnectionOffIsABadGateway() {
        assertThat(SiteErrors.statusOf(new IOException("Connection reset by peer"))).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(SiteErrors.statusOf(new RuntimeException(new IOException("Premature close"))))
                .isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    @Test
    void aStatusTheFrameworkChoseIsKeptAndTheRestIsOurs() {
        assertThat(SiteErrors.statusOf(new ResponseStatusException(HttpStatus.NOT_FOUND))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(SiteErrors.statusOf(new IllegalStateException("a bug"))).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}

package nl.mboconnect.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsAreNeverHandedOutTwiceAndLieBelowTheRangeTheSystemPicksFrom() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ports.add(FreePorts.find());
        }
        assertThat(ports).hasSize(500).allSatisfy(port -> assertThat(port).isBetween(20_000, 26_999));
        int port = FreePorts.find();
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(FreePorts.isFree(port)).isFalse();
        }
        assertThat(FreePorts.isFree(port)).isTrue();
    }
}

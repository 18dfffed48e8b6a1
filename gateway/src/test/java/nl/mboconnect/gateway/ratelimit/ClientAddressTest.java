package nl.mboconnect.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4ClientCountsByItsAddress() throws UnknownHostException {
        assertThat(ClientAddress.of(new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 51234)))
                .isEqualTo("192.0.2.7");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64NetworkWhicheverAddressItPicks() throws UnknownHostException {
        String one = ClientAddress.of(new InetSocketAddress(InetAddress.getByName("2001:db8:1:2::1"), 1));
        String other = ClientAddress.of(new InetSocketAddress(InetAddress.getByName("2001:db8:1:2:ffff:1:2:3"), 2));
        String neighbour = ClientAddress.of(new InetSocketAddress(InetAddress.getByName("2001:db8:1:3::1"), 1));
        assertThat(one).isEqualTo(other).isEqualTo("20010db800010002::/64");
        assertThat(neighbour).isNotEqualTo(one);
    }

    @Test
    void noAddressIsOneClientCalledUnknown() {
        assertThat(ClientAddress.of(null)).isEqualTo("unknown");
        assertThat(ClientAddress.of(InetSocketAddress.createUnresolved("proxy.local", 80))).isEqualTo("proxy.local");
    }
}

package nl.mboconnect.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;

/**
 * Who a request comes from, for its rate limits: the remote address as the server sees it, which
 * is the client's own only where Boot's {@code server.forward-headers-strategy} is set behind a
 * proxy (otherwise every request seems to come from the proxy). An IPv6 client counts by its /64
 * network, because one subscriber gets a whole /64 and could otherwise pick a new address per request.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        InetAddress address = remote.getAddress();
        if (address == null) {
            return remote.getHostString();
        }
        if (address instanceof Inet6Address) {
            byte[] network = java.util.Arrays.copyOf(address.getAddress(), 8);
            return HexFormat.of().formatHex(network) + "::/64";
        }
        return address.getHostAddress();
    }
}

package nl.mboconnect.platform.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports free right now, so tests never collide with a local run, nor with each other.
 *
 * <p>A port is drawn from 20000–26999: below Linux's ephemeral range (32768–60999), where the
 * operating system picks the local port of every outgoing connection and of every {@code bind(0)},
 * and clear of the local run's fixed ports. A port taken with {@code bind(0)} and closed again
 * could be handed to one of the many connections a test run opens, or to the next {@code bind(0)},
 * in the seconds before its server binds it (the likeliest cause of a gateway test that once failed
 * to start in CI; the failure did not show its cause).
 * No port is handed out twice in one JVM.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int LAST = 26_999;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int find() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            if (HANDED_OUT.add(port) && isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + LAST);
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

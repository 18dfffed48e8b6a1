package nl.mboconnect.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP hop in front of a server (MongoDB, say) that a test can cut and restore, to see what a
 * service does while a dependency is away: {@link #cut()} closes every connection and refuses new
 * ones; {@link #restore()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private final String upstreamHost;
    private final int upstreamPort;
    private final int port;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    private TcpProxy(String upstreamHost, int upstreamPort, int port) {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.port = port;
    }

    /** A proxy on a free port of this machine to {@code host:port}. */
    public static TcpProxy to(String host, int upstreamPort) {
        TcpProxy proxy = new TcpProxy(host, upstreamPort, FreePorts.find());
        proxy.restore();
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Listens again (same port); new connections reach the server. */
    public synchronized void restore() {
        if (listening != null) {
            return;
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("localhost", port));
            listening = server;
            Thread.ofVirtual().name("tcp-proxy-" + port).start(() -> accept(server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops every connection and refuses new ones, as a server that went away. */
    public synchronized void cut() {
        ServerSocket server = listening;
        listening = null;
        closeQuietly(server);
        connections.forEach(TcpProxy::closeQuietly);
        connections.clear();
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(upstreamHost, upstreamPort);
                connections.add(client);
                connections.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                // closed by cut(), or the server refused: the loop ends or takes the next
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // either side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            connections.remove(from);
            connections.remove(to);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

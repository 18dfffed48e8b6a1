package nl.mboconnect.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;

/**
 * A MongoDB-wire server in this JVM (mongo-java-server): in memory for tests, on an H2 file for
 * the local run so a restart keeps everything. It lacks transactions, {@code $text} and TTL expiry;
 * the services rely on none of them. Queries naming {@code _id} and more use the {@code _id} index,
 * as MongoDB's do ({@link IdIndexed}).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;
    private final int port;

    private EmbeddedMongo(MongoBackend backend, int port) {
        this.backend = backend;
        // the driver refuses wire versions below MongoDB 5.0's
        backend.version(ServerVersion.MONGO_5_0);
        this.server = new MongoServer(backend);
        server.bind("localhost", port);
        this.port = server.getLocalAddress().getPort();
    }

    public static EmbeddedMongo inMemory(int port) {
        return new EmbeddedMongo(new IdIndexed.Memory(), port);
    }

    /** Keeps its data in {@code file}; writes are committed about once a second and on close. */
    public static EmbeddedMongo persistent(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new EmbeddedMongo(new IdIndexed.File(file.toAbsolutePath().toString()), port);
    }

    /** {@code mongodb://localhost:<port>/<database>} */
    public String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}

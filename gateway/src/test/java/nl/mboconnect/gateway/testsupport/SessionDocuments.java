package nl.mboconnect.gateway.testsupport;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import reactor.core.publisher.Mono;

/** The gateway's session documents, read straight from its database, as an operator would see them. */
public final class SessionDocuments implements AutoCloseable {

    private final MongoClient client;
    private final MongoCollection<Document> sessions;

    /** @param uri {@code mongodb://host:port/<database>} */
    public SessionDocuments(String uri) {
        this.client = MongoClients.create(uri);
        String database = uri.substring(uri.lastIndexOf('/') + 1).split("\\?")[0];
        this.sessions = client.getDatabase(database).getCollection("sessions");
    }

    public long count() {
        return Mono.from(sessions.countDocuments()).block();
    }

    /** When the session with this id (the session cookie's value) expires, or null if there is none. */
    public Instant expiresAt(String id) {
        Document session = Mono.from(sessions.find(Filters.eq("_id", id)).first()).block();
        return session == null ? null : session.getDate("expireAt").toInstant();
    }

    /** Every stored session, as JSON. */
    public java.util.List<String> all() {
        return reactor.core.publisher.Flux.from(sessions.find()).map(Document::toJson).collectList().block();
    }

    public boolean exists(String id) {
        return Mono.from(sessions.countDocuments(Filters.eq("_id", id))).block() > 0;
    }

    public void insert(String id, Instant expireAt) {
        Mono.from(sessions.insertOne(new Document("_id", id).append("expireAt", Date.from(expireAt))
                .append("intervalSeconds", 60L).append("attrs", new Document()))).block();
    }

    /** A session as another version might have written it: an attribute of a type nobody may read. */
    public void insertUnreadable(String id) {
        long now = System.currentTimeMillis();
        Mono.from(sessions.insertOne(new Document("_id", id).append("createdMillis", now)
                .append("accessedMillis", now).append("intervalSeconds", 1800L)
                .append("expireAt", Date.from(Instant.now().plusSeconds(1800)))
                .append("attrs", new Document("SPRING_SECURITY_CONTEXT",
                        new Document("@class", "com.example.NotAllowed").append("x", 1))))).block();
    }

    public void deleteAll() {
        Mono.from(sessions.deleteMany(new Document())).block();
    }

    @Override
    public void close() {
        client.close();
    }
}

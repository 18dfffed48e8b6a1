package nl.mboconnect.platform.testing;

import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's backends with one thing MongoDB does that they do not: a query that names
 * {@code _id} and more ({@code {_id: x, revision: {$lt: 5}}}, the conditional writes of the
 * services) reads the document by its {@code _id} index and checks the rest on it. mongo-java-server
 * uses an index only when a query names exactly that index's fields, so it read the whole
 * collection for each such write: a registration cost more with every registration stored (seen
 * in the benchmark's 10,000 rush, 40 % of the embedded server's time in matching documents).
 * Every other query is answered as mongo-java-server answers it.
 */
final class IdIndexed {

    private static final String ID = "_id";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IdIndexed.class);
    /** A collection this big read whole for a query is worth a line in the log, once per kind of query. */
    private static final int BIG = 1000;
    private static final java.util.Set<String> told = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** How many queries read a collection whole, in this JVM (for the test that shows which do). */
    static final java.util.concurrent.atomic.LongAdder wholeReads = new java.util.concurrent.atomic.LongAdder();

    private IdIndexed() {
    }

    /**
     * The positions of the documents the query's {@code _id} condition allows, or null when it has
     * none beside other conditions (or no {@code _id} index answers it). Asked only of a query no
     * index of mongo-java-server answers itself.
     */
    static <P> Iterable<P> candidates(List<Index<P>> indexes, Document query) {
        Object id = idCondition(query);
        if (id == null) {
            return null;
        }
        Document byId = new Document(ID, id);
        for (Index<P> index : indexes) {
            if (index.getKeys().size() == 1 && index.getKeys().getFirst().getKey().equals(ID) && index.canHandle(byId)) {
                return index.getPositions(byId);
            }
        }
        return null;
    }

    /**
     * What the query asks of {@code _id} beside other conditions: {@code {_id: x, …}}, or the driver's
     * {@code {$and: [{_id: x}, …]}} ({@code Filters.and} writes that); null when it asks nothing of it
     * or nothing else.
     */
    private static Object idCondition(Document query) {
        if (query.size() > 1 && query.containsKey(ID)) {
            return query.get(ID);
        }
        if (query.get("$and") instanceof List<?> all && all.size() > 1) {
            for (Object each : all) {
                if (each instanceof Document condition && condition.size() == 1 && condition.containsKey(ID)) {
                    return condition.get(ID);
                }
            }
        }
        return null;
    }

    /** A query answered from the documents its {@code _id} condition allows, or as mongo-java-server would. */
    static <P> QueryResult answer(de.bwaldvogel.mongo.MongoCollection<P> collection, List<Index<P>> indexes, Document query,
            java.util.function.Function<Iterable<P>, QueryResult> fromCandidates,
            java.util.function.Supplier<QueryResult> asItWould) {
        if (indexes.stream().anyMatch(index -> index.canHandle(query))) {
            return asItWould.get(); // mongo-java-server uses that index itself
        }
        Iterable<P> candidates = candidates(indexes, query);
        if (candidates != null) {
            return fromCandidates.apply(candidates);
        }
        tellOfScan(collection.getFullName(), collection.count(), query);
        return asItWould.get();
    }

    /** Says once which kind of query read a big collection whole (no index of this server can answer it). */
    static void tellOfScan(String collection, int size, Document query) {
        wholeReads.increment();
        if (size >= BIG && told.add(collection + " " + shape(query))) {
            log.info("{} ({} documents) read whole for a query {}", collection, size, shape(query));
        }
    }

    /** The query with its values left out: {@code {eventId: ?, registration.status: {$in: ?}}}. */
    static String shape(Object query) {
        if (query instanceof Document document) {
            StringBuilder shape = new StringBuilder("{");
            document.forEach((key, value) -> shape.append(shape.length() > 1 ? ", " : "").append(key).append(": ")
                    .append(key.equals("$and") || key.equals("$or") || !(value instanceof Document) && !(value instanceof List<?>)
                            ? (value instanceof List<?> list ? list.stream().map(IdIndexed::shape).toList() : "?")
                            : shape(value)));
            return shape.append("}").toString();
        }
        return "?";
    }

    /** In memory, for tests. */
    static final class Memory extends MemoryBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new MemoryCollection(this, collectionName, options, cursorRegistry) {
                        @Override
                        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit,
                                int batchSize, Document projection) {
                            return answer(this, getIndexes(), query,
                                    candidates -> matchDocuments(query, candidates, orderBy, skip, limit, batchSize, projection),
                                    () -> super.queryDocuments(query, orderBy, skip, limit, batchSize, projection));
                        }
                    };
                }
            };
        }
    }

    /** On an H2 file, for the local run. */
    static final class File extends H2Backend {

        File(String path) {
            super(path);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new Database(databaseName, getMvStore(), getCursorRegistry());
        }

        /** Inner: H2Database opens the collections it finds while it is made, before a field of its own is set. */
        private final class Database extends H2Database {

            Database(String name, org.h2.mvstore.MVStore store, CursorRegistry cursors) {
                super(name, store, cursors);
            }

            @Override
            protected de.bwaldvogel.mongo.MongoCollection<Object> openOrCreateCollection(String collectionName,
                    CollectionOptions options) {
                // the maps H2Database opens for a collection, by the names it gives them
                String namespace = getFullCollectionNamespace(collectionName);
                org.h2.mvstore.MVStore store = getMvStore();
                return new H2Collection(this, collectionName, options, store.openMap("databases." + namespace),
                        store.openMap("meta." + namespace), cursorRegistry) {
                    @Override
                    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit,
                            int batchSize, Document projection) {
                        return answer(this, getIndexes(), query,
                                candidates -> matchDocuments(query, candidates, orderBy, skip, limit, batchSize, projection),
                                () -> super.queryDocuments(query, orderBy, skip, limit, batchSize, projection));
                    }
                };
            }
        }
    }
}

package nl.mboconnect.platform.testing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The embedded server answers queries naming {@code _id} and more by the {@code _id} index; the
 * answers must be MongoDB's: the other conditions still hold, a conditional upsert that finds a
 * newer document is refused as a duplicate, and the file store keeps working after a restart.
 */
class EmbeddedMongoTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void aQueryByIdAndMoreFindsWhatMongoDbFinds(String store) {
        try (EmbeddedMongo server = start(store); MongoClient client = MongoClients.create(server.uri("test"))) {
            MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
            for (int i = 0; i < 200; i++) {
                things.insertOne(new Document("_id", "e/" + i).append("revision", (long) i % 10).append("group", i % 3));
            }

            long wholeReads = IdIndexed.wholeReads.sum();
            assertThat(things.find(and(eq("_id", "e/7"), lt("revision", 8L))).into(new ArrayList<>()))
                    .extracting(found -> found.getString("_id")).containsExactly("e/7");
            assertThat(things.find(and(eq("_id", "e/7"), lt("revision", 7L))).first()).isNull();
            assertThat(things.find(and(eq("_id", "e/nobody"), lt("revision", 8L))).first()).isNull();
            assertThat(things.find(and(in("_id", List.of("e/1", "e/2", "e/3", "e/4")), eq("group", 1)))
                    .sort(Sorts.descending("_id")).into(new ArrayList<>()))
                    .extracting(found -> found.getString("_id")).containsExactly("e/4", "e/1");
            assertThat(things.find(and(eq("_id", "e/9"), eq("group", 0))).into(new ArrayList<>())).hasSize(1);
            assertThat(things.find(new Document("_id", "e/8").append("revision", new Document("$lt", 9L))).first())
                    .isNotNull();
            assertThat(IdIndexed.wholeReads.sum()).as("queries naming _id read by its index").isEqualTo(wholeReads);
            assertThat(things.find(and(eq("group", 0), lt("revision", 3L))).into(new ArrayList<>())).hasSize(20);
            assertThat(IdIndexed.wholeReads.sum()).as("no _id: every document read").isEqualTo(wholeReads + 1);

            ReplaceOptions upsert = new ReplaceOptions().upsert(true);
            Function<Long, Document> revision = r -> new Document("_id", "e/7").append("revision", r).append("group", 1);
            things.replaceOne(and(eq("_id", "e/7"), lt("revision", 9L)), revision.apply(9L), upsert);
            assertThat(things.find(eq("_id", "e/7")).first().getLong("revision")).isEqualTo(9L);
            assertThatThrownBy(() -> things.replaceOne(and(eq("_id", "e/7"), lt("revision", 8L)), revision.apply(8L), upsert))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
            assertThat(things.find(eq("_id", "e/7")).first().getLong("revision")).isEqualTo(9L);
            things.replaceOne(and(eq("_id", "e/new"), lt("revision", 1L)), new Document("_id", "e/new").append("revision", 1L), upsert);
            things.updateOne(and(eq("_id", "e/new"), eq("revision", 1L)), Updates.set("revision", 2L));
            assertThat(things.find(eq("_id", "e/new")).first().getLong("revision")).isEqualTo(2L);
            things.deleteOne(and(eq("_id", "e/new"), eq("revision", 1L))); // no longer 1: stays
            assertThat(IdIndexed.wholeReads.sum()).as("conditional writes by _id too").isEqualTo(wholeReads + 1);
            assertThat(things.countDocuments()).isEqualTo(201); // an aggregation: mongo-java-server reads them all
        }
        if (store.equals("file")) {
            try (EmbeddedMongo server = start(store); MongoClient client = MongoClients.create(server.uri("test"))) {
                MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
                assertThat(things.countDocuments()).isEqualTo(201);
                assertThat(things.find(and(eq("_id", "e/7"), lt("revision", 10L))).first().getLong("revision")).isEqualTo(9L);
            }
        }
    }

    private EmbeddedMongo start(String store) {
        return store.equals("memory") ? EmbeddedMongo.inMemory(0) : EmbeddedMongo.persistent(directory.resolve("mongo.mv"), 0);
    }
}

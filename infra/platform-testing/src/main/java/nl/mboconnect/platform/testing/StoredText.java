package nl.mboconnect.platform.testing;

import com.mongodb.client.MongoDatabase;

/**
 * Everything a service stored, as text: one line per document, {@code database.collection json}.
 * What a test searches for what must be gone (an erased member's name, e-mail address, answers)
 * or must stay.
 */
public final class StoredText {

    private StoredText() {
    }

    /** Every document of every collection of the databases given. */
    public static String of(MongoDatabase... databases) {
        StringBuilder all = new StringBuilder();
        for (MongoDatabase database : databases) {
            for (String collection : database.listCollectionNames()) {
                database.getCollection(collection).find().forEach(document -> all.append(database.getName())
                        .append('.').append(collection).append(' ').append(document.toJson()).append('\n'));
            }
        }
        return all.toString();
    }
}

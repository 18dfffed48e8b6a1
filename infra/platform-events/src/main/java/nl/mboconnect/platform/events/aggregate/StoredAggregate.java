package nl.mboconnect.platform.events.aggregate;

/**
 * The stored form of an aggregate: a record with its id as {@code @BsonId} and the version the
 * {@link AggregateStore} counts its changes with. The store owns the version: it writes the stored
 * one plus one with every change, whatever the record says.
 */
public interface StoredAggregate {

    String id();

    long version();
}

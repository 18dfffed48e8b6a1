package nl.mboconnect.platform.events.aggregate;

import java.util.Objects;

import nl.mboconnect.platform.events.EventType;

/**
 * An event a change announces, written with the change into the aggregate's outbox and published
 * right after; its subject and key are the aggregate's id.
 *
 * @param replacesPending a snapshot of the aggregate's state (a partner snapshot, say): while Kafka is
 *                        away it replaces a still-pending event of the same type that was a snapshot
 *                        too, so an aggregate changed a thousand times holds one, the newest
 */
public record OutgoingEvent<T>(EventType<T> type, T data, boolean replacesPending) {

    public OutgoingEvent {
        Objects.requireNonNull(type, "type");
        if (!type.dataClass().isInstance(data)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.dataClass().getSimpleName() + ", not "
                    + (data == null ? "null" : data.getClass().getSimpleName()));
        }
    }

    /** An event that says what happened: every one is published, in order. */
    public static <T> OutgoingEvent<T> of(EventType<T> type, T data) {
        return new OutgoingEvent<>(type, data, false);
    }

    /** A state snapshot: only the newest pending one of its type is published. */
    public static <T> OutgoingEvent<T> snapshot(EventType<T> type, T data) {
        return new OutgoingEvent<>(type, data, true);
    }
}

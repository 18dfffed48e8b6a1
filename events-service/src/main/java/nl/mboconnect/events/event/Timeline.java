package nl.mboconnect.events.event;

import java.time.Instant;

/** An event's life so far: who wrote it and when, when it last changed, was published, and why it was cancelled. */
public record Timeline(String createdBy, Instant createdAt, Instant updatedAt, Instant publishedAt,
        String cancelReason) {

    static Timeline createdBy(String author, Instant now) {
        return new Timeline(author, now, now, null, null);
    }

    Timeline changedAt(Instant now) {
        return new Timeline(createdBy, createdAt, now, publishedAt, cancelReason);
    }

    Timeline publishedAt(Instant now) {
        return new Timeline(createdBy, createdAt, now, now, null);
    }

    Timeline cancelledAt(Instant now, String reason) {
        return new Timeline(createdBy, createdAt, now, publishedAt, reason);
    }
}

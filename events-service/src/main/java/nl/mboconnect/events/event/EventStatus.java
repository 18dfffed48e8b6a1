package nl.mboconnect.events.event;

/** draft → published → (cancelled | completed); a draft may also be cancelled. */
public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED, COMPLETED
}

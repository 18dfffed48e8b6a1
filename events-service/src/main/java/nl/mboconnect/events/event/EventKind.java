package nl.mboconnect.events.event;

/** What sort of meeting an event is; the site shows each with its own Dutch name. */
public enum EventKind {
    KENNISSESSIE, EXPERTMEETING, WERKBEZOEK, WEBINAR, NETWERKBIJEENKOMST, LEERGANGBIJEENKOMST
}

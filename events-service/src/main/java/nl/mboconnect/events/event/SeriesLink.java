package nl.mboconnect.events.event;

/** The series an event belongs to, e.g. the stops of a tour along the regions. */
public record SeriesLink(String id, String title) {
}

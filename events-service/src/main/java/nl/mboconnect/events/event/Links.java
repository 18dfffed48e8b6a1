package nl.mboconnect.events.event;

/** How the event relates to others and to the knowledge base: its series, the event it follows up, its report. */
public record Links(SeriesLink series, String followUpOf, String reportUrl) {

    public static Links none() {
        return new Links(null, null, null);
    }

    public Links withReportUrl(String url) {
        return new Links(series, followUpOf, url);
    }
}

package nl.mboconnect.events.event;

import java.util.List;

/** What the event is: its kind, title and text, who organise it, and the themes and categories it is found by. */
public record About(EventKind kind, String title, String description, List<String> organisations,
        List<String> themes, List<String> categories) {

    public About {
        organisations = EventDetails.copy(organisations);
        themes = EventDetails.copy(themes);
        categories = EventDetails.copy(categories);
    }
}

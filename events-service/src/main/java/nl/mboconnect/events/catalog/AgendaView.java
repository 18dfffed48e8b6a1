package nl.mboconnect.events.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.SortedSet;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventDetails;
import nl.mboconnect.events.event.EventKind;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.Location;
import nl.mboconnect.events.event.Visibility;

/**
 * Events in a period, for the agenda's list and month view, with the filter values found among
 * what the visitor may see ({@code kinds}, {@code themes}, {@code regions}).
 */
record AgendaView(List<Item> items, SortedSet<String> kinds, SortedSet<String> themes, SortedSet<String> regions) {

    record Item(String id, EventStatus status, EventKind kind, String title, OffsetDateTime start, OffsetDateTime end,
            Location.Mode mode, String city, String region, List<String> themes, List<String> organisations,
            Visibility.Level visibility, Integer capacity, int placesTaken, Integer placesLeft, int waitlist,
            boolean registrationOpen, String seriesId, String seriesTitle) {

        static Item of(Event event, java.time.Instant now) {
            EventDetails details = event.details();
            return new Item(event.id(), event.status(), details.kind(), details.title(), EventView.time(details.start()),
                    EventView.time(details.end()), details.location().mode(), details.location().city(),
                    details.location().region(), details.themes(), details.organisations(),
                    details.visibility().level(), details.capacity(), event.occupancy().placesTaken(), event.placesLeft(),
                    event.occupancy().waitlisted(), event.registrationOpen(now),
                    details.series() == null ? null : details.series().id(),
                    details.series() == null ? null : details.series().title());
        }
    }
}

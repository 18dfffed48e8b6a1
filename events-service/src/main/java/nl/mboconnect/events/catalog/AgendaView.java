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
            return new Item(event.id(), event.status(), details.about().kind(), details.about().title(), EventView.time(details.schedule().start()),
                    EventView.time(details.schedule().end()), details.location().mode(), details.location().city(),
                    details.location().region(), details.about().themes(), details.about().organisations(),
                    details.visibility().level(), details.attendance().capacity(), event.occupancy().placesTaken(), event.placesLeft(),
                    event.occupancy().waitlisted(), event.registrationOpen(now),
                    details.links().series() == null ? null : details.links().series().id(),
                    details.links().series() == null ? null : details.links().series().title());
        }
    }
}

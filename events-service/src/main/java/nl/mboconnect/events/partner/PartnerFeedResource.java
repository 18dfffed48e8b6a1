package nl.mboconnect.events.partner;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mongodb.client.model.Sorts;

import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.EventStore;
import nl.mboconnect.events.event.PartnerEvents;
import nl.mboconnect.events.event.Visibility;

/**
 * The partner feed over HTTP: the same public snapshots as the topic {@value PartnerEvents#TOPIC},
 * for partner systems that poll instead of reading Kafka. Public events only, no personal data.
 */
@RestController
class PartnerFeedResource {

    private final EventStore events;
    private final Clock clock;

    PartnerFeedResource(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Public events that end from 30 days ago on, with their programme, place and counts. */
    @GetMapping("/api/events/partner/events")
    @PreAuthorize("hasAnyRole('partner', 'beheerder')")
    List<PartnerEvents.PublicEvent> publicEvents() {
        return events.findAll(and(eq("details.visibility.level", Visibility.Level.PUBLIC.name()),
                in("status", EventStatus.PUBLISHED.name(), EventStatus.CANCELLED.name(), EventStatus.COMPLETED.name()),
                gte("details.end", clock.instant().minus(30, ChronoUnit.DAYS))), Sorts.ascending("details.start"), 1000)
                .stream().map(PartnerEvents.PublicEvent::of).toList();
    }
}

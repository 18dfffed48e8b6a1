package nl.mboconnect.events.partner;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.events.event.Events;
import nl.mboconnect.events.event.PartnerEvents;
import nl.mboconnect.platform.service.PartnersAndAdministrators;

/**
 * The partner feed over HTTP: the same public snapshots as the topic {@value PartnerEvents#TOPIC},
 * for partner systems that poll instead of reading Kafka. Public events only, no personal data.
 */
@RestController
class PartnerFeedResource {

    private final Events events;
    private final Clock clock;

    PartnerFeedResource(Events events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Public events that end from 30 days ago on, with their programme, place and counts. */
    @GetMapping("/api/events/partner/events")
    @PartnersAndAdministrators
    List<PartnerEvents.PublicEvent> publicEvents() {
        return events.publicSnapshots(clock.instant().minus(30, ChronoUnit.DAYS));
    }
}

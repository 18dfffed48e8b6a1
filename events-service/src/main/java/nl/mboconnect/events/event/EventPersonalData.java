package nl.mboconnect.events.event;

import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.mboconnect.platform.service.PersonalData;

/**
 * The events feature's part of a member's export: the events they organise or created. Erased: the
 * events stay (others registered for them), organised by the others, created by "Voormalig lid".
 */
@Configuration(proxyBeanMethods = false)
class EventPersonalData {

    record OrganisedEvent(String id, String title, Instant start, EventStatus status, boolean organiser,
            boolean createdByThem) {
    }

    @Bean
    PersonalData organisedEventsPart(Events events) {
        return PersonalData.part("organised-events", memberId -> events.organisedOrCreatedBy(memberId).stream()
                .map(event -> new OrganisedEvent(event.id(), event.details().about().title(),
                        event.details().schedule().start(), event.status(), event.organisers().contains(memberId),
                        memberId.equals(event.timeline().createdBy())))
                .toList(), events::eraseOrganiser);
    }
}

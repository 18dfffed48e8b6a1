package nl.mboconnect.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.mboconnect.events.event.EventEvents;
import nl.mboconnect.events.event.PartnerEvents;
import nl.mboconnect.events.registration.RegistrationEvents;
import nl.mboconnect.platform.events.EventTopics;

/** Every topic events-service publishes to, created at start-up. */
@Configuration
class ServiceTopics {

    @Bean
    EventTopics publishedTopics() {
        return EventTopics.none()
                .produces(EventEvents.PUBLISHED, EventEvents.UPDATED, EventEvents.CANCELLED, EventEvents.COMPLETED)
                .produces(RegistrationEvents.CONFIRMED, RegistrationEvents.WAITLISTED, RegistrationEvents.PROMOTED,
                        RegistrationEvents.CANCELLED, RegistrationEvents.ATTENDANCE_RECORDED)
                .produces(PartnerEvents.CHANGED);
    }
}

package nl.mboconnect.events.registration;

import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.mboconnect.platform.service.PersonalData;

/**
 * The registration feature's part of a member's export: every registration they made, in any
 * state, with their answers and whether they were checked in. Erased: a place they hold in an event
 * still to come goes to the next in line; every registration of theirs stays as "Voormalig lid",
 * without answers, so the counts and attendance of every event stay true.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationPersonalData {

    record EventRegistration(String eventId, String title, Instant start, Registration registration) {
    }

    @Bean
    PersonalData registrationsPart(Registrations registrations) {
        return PersonalData.part("registrations", memberId -> registrations.of(memberId, Instant.EPOCH).stream()
                .map(mine -> new EventRegistration(mine.event().id(), mine.event().details().about().title(),
                        mine.event().details().schedule().start(), mine.registration()))
                .toList(), registrations::erase);
    }
}

package nl.mboconnect.events.registration;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.mboconnect.platform.events.PeriodicTask;

/**
 * Passes lapsed offers on every {@code mbo.waitlist.check-interval}, on a thread of its own: a
 * member's offer lapses on time even while the outbox sweep waits for Kafka. And writes into their
 * own documents the registrations a crash left decided in their event's document only, every
 * {@code mbo.registrations.settle-interval}.
 */
@Configuration
class WaitlistConfiguration {

    @Bean
    PeriodicTask lapsedOffersTask(RosterStore rosters, Clock clock,
            @Value("${mbo.waitlist.check-interval:30s}") Duration interval) {
        return PeriodicTask.onItsOwnThread("lapsed offers", interval, () -> rosters.passOnLapsedOffers(clock.instant()));
    }

    @Bean
    PeriodicTask pendingRegistrationsTask(RosterStore rosters,
            @Value("${mbo.registrations.settle-interval:5s}") Duration interval) {
        return PeriodicTask.onItsOwnThread("pending registrations", interval, rosters::settlePending);
    }
}

package nl.mboconnect.events.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.mboconnect.events.event.EventProblem;
import nl.mboconnect.platform.events.PeriodicTask;

/**
 * Passes lapsed offers on: every {@code mbo.waitlist.check-interval} the events with an offer
 * past its time are looked up and the next in line gets the place.
 */
@Configuration
class WaitlistConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WaitlistConfiguration.class);

    @Bean
    PeriodicTask lapsedOffers(ScheduledExecutorService platformEventsScheduler, RosterStore rosters, Clock clock,
            @Value("${mbo.waitlist.check-interval:30s}") Duration interval) {
        return new PeriodicTask("lapsed offers", platformEventsScheduler, interval, () -> {
            Instant now = clock.instant();
            for (String eventId : rosters.eventsWithLapsedOffers(now)) {
                try {
                    RosterStore.Outcome outcome = rosters.change(eventId, (event, roster) -> roster.expireOffers(event, now));
                    log.info("event {}: {} lapsed offers passed on", eventId, outcome.change().happened().size());
                } catch (EventProblem e) {
                    log.warn("event {}: lapsed offers not passed on: {}", eventId, e.getMessage());
                }
            }
        });
    }
}

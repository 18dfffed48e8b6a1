package nl.mboconnect.events.registration;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.mboconnect.platform.events.PeriodicTask;

/** Passes lapsed offers on every {@code mbo.waitlist.check-interval}. */
@Configuration
class WaitlistConfiguration {

    @Bean
    PeriodicTask lapsedOffersTask(ScheduledExecutorService platformEventsScheduler, RosterStore rosters, Clock clock,
            @Value("${mbo.waitlist.check-interval:30s}") Duration interval) {
        return new PeriodicTask("lapsed offers", platformEventsScheduler, interval,
                () -> rosters.passOnLapsedOffers(clock.instant()));
    }
}

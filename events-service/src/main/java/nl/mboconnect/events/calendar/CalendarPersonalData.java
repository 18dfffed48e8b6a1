package nl.mboconnect.events.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.mboconnect.platform.service.PersonalData;

/** The calendar feature's part of a member's export: their personal calendar feed, if they made one; erased, it is revoked. */
@Configuration(proxyBeanMethods = false)
class CalendarPersonalData {

    @Bean
    PersonalData calendarFeedPart(CalendarFeedStore feeds) {
        return PersonalData.part("calendar-feed", feeds::of, feeds::revoke);
    }
}

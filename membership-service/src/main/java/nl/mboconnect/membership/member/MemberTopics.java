package nl.mboconnect.membership.member;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.mboconnect.platform.events.EventTopics;

@Configuration
class MemberTopics {

    @Bean
    EventTopics memberEventTopics() {
        return EventTopics.none().produces(MemberEvents.REGISTERED, MemberEvents.PROFILE_UPDATED, MemberEvents.ERASED,
                MembershipEvents.APPLIED, MembershipEvents.REJECTED, MembershipEvents.GRANTED, MembershipEvents.ENDED,
                PartnerMembership.COUNTS);
    }
}

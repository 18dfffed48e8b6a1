package nl.mboconnect.membership.callback;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.mboconnect.platform.service.PersonalData;

/**
 * The callback feature's part of a member's export: the requests they made while signed in, with
 * the notes on them. A visitor's request (not signed in) is tied to no account and is not in it.
 * Erased: their requests go; a beheerder's notes and claims stay, by "Voormalig lid".
 */
@Configuration(proxyBeanMethods = false)
class CallbackPersonalData {

    @Bean
    PersonalData callbacksPart(CallbackStore store) {
        return PersonalData.part("callbacks", store::byRequester, store::erase);
    }
}

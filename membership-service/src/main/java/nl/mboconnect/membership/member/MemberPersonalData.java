package nl.mboconnect.membership.member;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.service.PersonalData;

/** The member feature's part of a member's export: their account, profile, visibility, photo and membership with its history. */
@Configuration(proxyBeanMethods = false)
class MemberPersonalData {

    /** A member as they are stored, with their photo as base64 JPEG. */
    record MemberExport(String id, Profile account, Details profile, Visibility visibility, Photo photo,
            Membership membership, Instant registeredAt, Instant updatedAt) {
    }

    record Photo(String contentType, String base64) {
    }

    /**
     * Erased: the Keycloak account first (while Keycloak is away, the rest waits with it, so the
     * member's record stays until their account is gone), then the photo and the member, and their
     * name in the history of others whose application they decided as beheerder.
     */
    @Bean
    PersonalData memberPart(MemberStore store, KeycloakRoles keycloak) {
        return PersonalData.part("member", memberId -> store.find(memberId).map(member -> new MemberExport(member.id(),
                member.profile(), member.details(), member.visibility(),
                member.hasPhoto() ? store.photo(memberId, member.photo())
                        .map(jpeg -> new Photo("image/jpeg", Base64.getEncoder().encodeToString(jpeg))).orElse(null)
                        : null,
                member.membership(), member.registeredAt(), member.updatedAt())).orElse(null), memberId -> {
                    try {
                        keycloak.removeAccount(memberId);
                    } catch (KeycloakRoles.Unavailable e) {
                        throw Refusal.unavailable("keycloak-away", "the account is deleted once Keycloak answers: "
                                + e.getMessage(), Duration.ofSeconds(30));
                    }
                    store.erase(memberId);
                });
    }
}

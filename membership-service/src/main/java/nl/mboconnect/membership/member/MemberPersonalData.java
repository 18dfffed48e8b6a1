package nl.mboconnect.membership.member;

import java.time.Instant;
import java.util.Base64;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    @Bean
    PersonalData memberPart(MemberStore store) {
        return PersonalData.part("member", memberId -> store.find(memberId).map(member -> new MemberExport(member.id(),
                member.profile(), member.details(), member.visibility(),
                member.hasPhoto() ? store.photo(memberId, member.photo())
                        .map(jpeg -> new Photo("image/jpeg", Base64.getEncoder().encodeToString(jpeg))).orElse(null)
                        : null,
                member.membership(), member.registeredAt(), member.updatedAt())).orElse(null));
    }
}

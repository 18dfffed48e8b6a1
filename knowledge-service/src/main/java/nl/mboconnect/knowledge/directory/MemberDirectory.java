package nl.mboconnect.knowledge.directory;

import java.util.function.Function;

import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.mboconnect.platform.events.readmodel.ReadModel;
import nl.mboconnect.platform.events.readmodel.ReadModels;

/**
 * Display names of members, kept from membership-service's events, so this service can show who
 * wrote, asked or answered without asking membership-service. Only members who signed in once are
 * known (membership-service told us).
 */
@Configuration
public class MemberDirectory {

    public static final String TOPIC = "membership.member.v1";

    /** A member as this service knows them: as membership's member events say, only the fields read here. */
    public record MemberName(@BsonId String memberId, String displayName) {
    }

    @Bean
    ReadModel<MemberName> memberNames(ReadModels readModels) {
        return readModels.define("member-directory", MemberName.class)
                .aboutMember("_id")
                .from(TOPIC)
                .keep("nl.mboconnect.membership.member.registered.v1", MemberName.class, Function.identity())
                .keep("nl.mboconnect.membership.member.profile-updated.v1", MemberName.class, Function.identity())
                .build();
    }
}

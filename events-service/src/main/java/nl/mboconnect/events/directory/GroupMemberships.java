package nl.mboconnect.events.directory;

import java.util.Set;
import java.util.stream.Collectors;

import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.mboconnect.platform.events.readmodel.ReadModel;
import nl.mboconnect.platform.events.readmodel.ReadModels;

/**
 * Who is in which group, kept from membership-service's group events, so an event shown to "the
 * members of one group" knows its viewers without asking membership-service. A member's record of a
 * group is there while they are in it (any role) and removed when they leave or are taken out.
 */
@Configuration
public class GroupMemberships {

    public static final String TOPIC = "membership.group.v1";
    /** More groups than anyone is in; a viewer's groups are read up to this many. */
    static final int MOST_GROUPS = 500;

    /** One member in one group; id {@code groupId:memberId}, as membership-service keys its events. */
    public record GroupMembership(@BsonId String id, String groupId, String memberId) {
    }

    /** The fields of membership-service's joined, role-changed and left events read here. */
    record InGroup(String groupId, String memberId) {

        String id() {
            return groupId + ":" + memberId;
        }

        GroupMembership membership() {
            return new GroupMembership(id(), groupId, memberId);
        }
    }

    @Bean
    ReadModel<GroupMembership> groupMembershipModel(ReadModels readModels) {
        return readModels.define("group-memberships", GroupMembership.class)
                .from(TOPIC)
                .indexedBy("memberId")
                .aboutMember("memberId")
                .keep("nl.mboconnect.membership.group-member.joined.v1", InGroup.class, InGroup::membership)
                .keep("nl.mboconnect.membership.group-member.role-changed.v1", InGroup.class, InGroup::membership)
                .remove("nl.mboconnect.membership.group-member.left.v1", InGroup.class, InGroup::id)
                .build();
    }

    /** The groups a member is in, as far as this service has heard. */
    public static Set<String> groupsOf(ReadModel<GroupMembership> memberships, String memberId) {
        return memberships.where("memberId", memberId, MOST_GROUPS).stream().map(GroupMembership::groupId)
                .collect(Collectors.toSet());
    }
}

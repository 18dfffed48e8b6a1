package nl.mboconnect.membership.group;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.mboconnect.platform.service.PersonalData;

/**
 * The groups feature's part of a member's export: where they stand (or stood) with each group,
 * with their messages and the decisions about them, and the groups they made. Erased: their
 * records go; the groups they made stay, owned by "Voormalig lid", and so do the decisions they
 * took as a moderator.
 */
@Configuration(proxyBeanMethods = false)
class GroupPersonalData {

    record GroupsExport(List<Standing> standings, List<Group> made) {
    }

    record Standing(String groupId, String groupName, GroupMember record) {
    }

    @Bean
    PersonalData groupsPart(GroupStore store) {
        return PersonalData.part("groups", memberId -> {
            List<GroupMember> records = store.everyRecordOf(memberId);
            Map<String, Group> groups = store.all(records.stream().map(GroupMember::groupId).toList()).stream()
                    .collect(Collectors.toMap(Group::id, Function.identity()));
            return new GroupsExport(records.stream().map(record -> new Standing(record.groupId(),
                    groups.containsKey(record.groupId()) ? groups.get(record.groupId()).name() : null, record)).toList(),
                    store.madeBy(memberId));
        }, store::erase);
    }
}

package nl.mboconnect.membership.group;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import nl.mboconnect.membership.member.Members;
import nl.mboconnect.platform.events.EventTopics;
import nl.mboconnect.platform.events.PeriodicTask;

/**
 * Keeps leden-only groups to members of the association: a periodic check takes out whoever is lid
 * no more (a beheerder ended it, or the role was taken in the Keycloak console), each with a
 * {@code left} event ({@code NOT_LID}). Checking what is, rather than reacting to one event, also
 * mends what a stop in between left undone.
 */
@Component
class LedenGroups {

    private static final Logger log = LoggerFactory.getLogger(LedenGroups.class);

    private final GroupStore store;
    private final Members members;
    private final Clock clock;

    LedenGroups(GroupStore store, Members members, Clock clock) {
        this.store = store;
        this.members = members;
        this.clock = clock;
    }

    /** Takes out of leden-only groups every member who is not lid; how many. */
    int check() {
        int taken = 0;
        List<GroupMember> inLedenGroups = store.inLedenGroups();
        Set<String> lid = members.lid(inLedenGroups.stream().map(GroupMember::memberId).distinct().toList());
        Map<String, Group> groups = new HashMap<>();
        for (GroupMember member : inLedenGroups) {
            if (!lid.contains(member.memberId())) {
                Group group = groups.computeIfAbsent(member.groupId(), id -> store.find(id).orElseThrow());
                store.changeExisting(member.groupId(), member.memberId(), current -> current.lidEnded(group, clock.instant()));
                log.info("member {} is lid no more: out of the leden-only group {}", member.memberId(), group.id());
                taken++;
            }
        }
        return taken;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        PeriodicTask ledenGroupsCheck(LedenGroups groups,
                @Value("${mbo.membership.leden-groups-interval:30s}") Duration interval) {
            return PeriodicTask.onItsOwnThread("leden groups", interval, groups::check);
        }

        @Bean
        EventTopics groupEventTopics() {
            return EventTopics.none().produces(GroupEvents.CREATED, GroupEvents.UPDATED, GroupEvents.JOINED, GroupEvents.ROLE_CHANGED,
                    GroupEvents.LEFT);
        }
    }
}

package nl.mboconnect.membership.group;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.mboconnect.membership.member.Members;

/**
 * Group records keep a member's name beside what they did (their standing, a group they own, a
 * decision, an invitation), so lists need no lookup per member; a new name is written into them
 * right after the member's own change. Should the service stop in between, the names stay as they
 * were until the member's next change of name.
 */
@Component
class MemberNamesInGroups {

    private final GroupStore store;

    MemberNamesInGroups(GroupStore store) {
        this.store = store;
    }

    @EventListener
    void renamed(Members.Renamed renamed) {
        store.rename(renamed.memberId(), renamed.name());
    }
}

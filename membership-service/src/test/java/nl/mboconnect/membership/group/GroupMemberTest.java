package nl.mboconnect.membership.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.mboconnect.membership.group.GroupMember.How;
import nl.mboconnect.membership.group.GroupMember.Role;
import nl.mboconnect.membership.group.GroupMember.Status;
import nl.mboconnect.platform.domain.Refusal;

/** Where a member stands with a group, and what may happen next: the rules without Spring or a database. */
class GroupMemberTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final Group.Actor OWNER = new Group.Actor("o", "Olga Eigenaar");
    private static final Group.Actor SANNE = new Group.Actor("s", "Sanne de Vries");

    private static Group group(Group.Kind kind) {
        return Group.create("g", "Groep", null, kind.name(), OWNER, Set.of("vriend", "beheerder"), NOW);
    }

    @Test
    void anOpenGroupTakesAnyoneAClosedOneARequestASecretOneOnlyWhomItInvited() {
        assertThat(GroupMember.none("g", SANNE).joined(group(Group.Kind.OPEN), false, null, NOW).status())
                .isEqualTo(Status.MEMBER);
        GroupMember asked = GroupMember.none("g", SANNE).joined(group(Group.Kind.CLOSED), false, " Graag ", NOW);
        assertThat(asked.status()).isEqualTo(Status.REQUESTED);
        assertThat(asked.message()).isEqualTo("Graag");
        assertThatThrownBy(() -> GroupMember.none("g", SANNE).joined(group(Group.Kind.SECRET), true, null, NOW))
                .isInstanceOf(Refusal.class);
        GroupMember invited = GroupMember.none("g", SANNE).invitedBy(OWNER, NOW);
        assertThat(invited.joined(group(Group.Kind.SECRET), false, null, NOW).status()).isEqualTo(Status.MEMBER);
    }

    @Test
    void invitingSomeoneWhoAskedLetsThemInAndARejectedMemberMayAskAgain() {
        Group closed = group(Group.Kind.CLOSED);
        GroupMember asked = GroupMember.none("g", SANNE).joined(closed, false, null, NOW);
        assertThat(asked.invitedBy(OWNER, NOW).status()).isEqualTo(Status.MEMBER);
        GroupMember rejected = asked.rejectedBy(OWNER, "Niet in de regio", NOW);
        assertThat(rejected.decision().how()).isEqualTo(How.REJECTED);
        assertThat(rejected.joined(closed, false, "Nu wel", NOW).status()).isEqualTo(Status.REQUESTED);
        assertThatThrownBy(() -> asked.rejectedBy(OWNER, " ", NOW)).isInstanceOf(Refusal.class);
    }

    @Test
    void losingLidTakesAMemberOutOfALedenGroupOnly() {
        GroupMember inLeden = GroupMember.none("g", SANNE).joined(group(Group.Kind.LEDEN), true, null, NOW);
        assertThat(inLeden.lidEnded(group(Group.Kind.LEDEN), NOW).decision().how()).isEqualTo(How.NOT_LID);
        GroupMember inOpen = GroupMember.none("g", SANNE).joined(group(Group.Kind.OPEN), true, null, NOW);
        assertThat(inOpen.lidEnded(group(Group.Kind.OPEN), NOW)).isEqualTo(inOpen);
        assertThat(GroupMember.owner(group(Group.Kind.LEDEN), NOW).lidEnded(group(Group.Kind.LEDEN), NOW).status())
                .isEqualTo(Status.MEMBER);
    }

    @Test
    void onlyTheOwnerTakesOutAModeratorAndNobodyTheOwner() {
        GroupMember moderator = GroupMember.none("g", SANNE).joined(group(Group.Kind.OPEN), false, null, NOW)
                .withRole(Role.MODERATOR);
        assertThatThrownBy(() -> moderator.removedBy(OWNER, Role.MODERATOR, NOW)).isInstanceOf(Refusal.class);
        assertThat(moderator.removedBy(OWNER, Role.OWNER, NOW).status()).isEqualTo(Status.GONE);
        GroupMember owner = GroupMember.owner(group(Group.Kind.OPEN), NOW);
        assertThatThrownBy(() -> owner.removedBy(SANNE, Role.OWNER, NOW)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> owner.left(NOW)).isInstanceOf(Refusal.class);
    }

    @Test
    void onlyAnEditorOrBeheerderMakesSecretAndLedenGroups() {
        assertThatThrownBy(() -> Group.create("g", "Geheim", null, "SECRET", SANNE, Set.of("vriend", "lid"), NOW))
                .isInstanceOf(Refusal.class);
        assertThat(Group.create("g", "Geheim", null, "SECRET", SANNE, Set.of("redacteur"), NOW).kind())
                .isEqualTo(Group.Kind.SECRET);
        assertThat(Group.create("g", " Docenten   Techniek ", null, "OPEN", SANNE, Set.of(), NOW).nameKey())
                .isEqualTo("docenten techniek");
    }
}

package nl.mboconnect.membership.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class MemberTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");
    private final Profile sanne = new Profile("sanne", "Sanne de Vries", "Sanne", "de Vries", "sanne@example.org");

    @Test
    void aMemberIsRegisteredWithTheProfileOfTheirFirstSignIn() {
        Member member = Member.register("id-1", sanne, MONDAY);

        assertThat(member.profile()).isEqualTo(sanne);
        assertThat(member.registeredAt()).isEqualTo(MONDAY);
        assertThat(member.version()).isEqualTo(1);
    }

    @Test
    void signingInWithTheSameProfileChangesNothing() {
        Member member = Member.register("id-1", sanne, MONDAY);

        assertThat(member.signedInWith(sanne, TUESDAY)).isEmpty();
    }

    @Test
    void aNewNameIsTakenAndCountsAsARename() {
        Member member = Member.register("id-1", sanne, MONDAY);
        Profile married = new Profile("sanne", "Sanne Jansen", "Sanne", "Jansen", "sanne@example.org");

        Member renamed = member.signedInWith(married, TUESDAY).orElseThrow();

        assertThat(renamed.profile()).isEqualTo(married);
        assertThat(renamed.registeredAt()).isEqualTo(MONDAY);
        assertThat(renamed.updatedAt()).isEqualTo(TUESDAY);
        assertThat(renamed.version()).isEqualTo(2);
        assertThat(renamed.isRenamedFrom(member)).isTrue();
    }

    @Test
    void aNewEmailAddressIsTakenButIsNoRename() {
        Member member = Member.register("id-1", sanne, MONDAY);
        Profile moved = new Profile("sanne", "Sanne de Vries", "Sanne", "de Vries", "s.devries@roc.example");

        Member updated = member.signedInWith(moved, TUESDAY).orElseThrow();

        assertThat(updated.profile().email()).isEqualTo("s.devries@roc.example");
        assertThat(updated.isRenamedFrom(member)).isFalse();
    }

    @Test
    void withoutANameTheUsernameIsShown() {
        assertThat(new Profile("pieter", null, null, null, null).displayName()).isEqualTo("pieter");
        assertThat(new Profile("pieter", " ", null, null, null).displayName()).isEqualTo("pieter");
    }
}

package nl.mboconnect.membership.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import nl.mboconnect.platform.domain.Refusal;

import org.junit.jupiter.api.Test;

class MemberTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");
    private final Profile sanne = new Profile("sanne", "Sanne de Vries", "Sanne", "de Vries", "sanne@example.org");

    @Test
    void aMemberIsRegisteredWithTheProfileOfTheirFirstSignIn() {
        Member member = Member.register("id-1", sanne, false, MONDAY);

        assertThat(member.profile()).isEqualTo(sanne);
        assertThat(member.registeredAt()).isEqualTo(MONDAY);
        assertThat(member.version()).isEqualTo(1);
    }

    @Test
    void signingInWithTheSameProfileChangesNothing() {
        Member member = Member.register("id-1", sanne, false, MONDAY);

        assertThat(member.signedInWith(sanne, TUESDAY)).isEmpty();
    }

    @Test
    void aNewNameIsTakenAndCountsAsARename() {
        Member member = Member.register("id-1", sanne, false, MONDAY);
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
        Member member = Member.register("id-1", sanne, false, MONDAY);
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

    @Test
    void aNameChosenHereIsShownInsteadOfTheAccountsAndCountsAsARename() {
        Member member = Member.register("id-1", sanne, false, MONDAY);
        Details chosen = Details.checked("Sanne dV", null, null, null, List.of(), List.of(), null);

        Member edited = member.edited(chosen, Visibility.DEFAULT, TUESDAY).orElseThrow();

        assertThat(edited.displayName()).isEqualTo("Sanne dV");
        assertThat(edited.isRenamedFrom(member)).isTrue();
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.edited(chosen, Visibility.DEFAULT, TUESDAY)).isEmpty();
    }

    @Test
    void sectorsAndThemesAreKeptOnceInTheirOwnOrder() {
        Details details = Details.checked(null, MemberFunction.DOCENT, null, Province.UTRECHT,
                List.of(Sector.ZORG_WELZIJN_SPORT, Sector.HANDEL, Sector.HANDEL),
                List.of(Theme.SAMENWERKING, Theme.VAKMANSCHAP), "  Docent verpleegkunde.  ");

        assertThat(details.sectors()).containsExactly(Sector.HANDEL, Sector.ZORG_WELZIJN_SPORT);
        assertThat(details.themes()).containsExactly(Theme.VAKMANSCHAP, Theme.SAMENWERKING);
        assertThat(details.bio()).isEqualTo("Docent verpleegkunde.");
    }

    @Test
    void tooLongTextsAndABlankNameAreRefusedByField() {
        assertThatThrownBy(() -> Details.checked(" ", null, new Organisation(Organisation.Kind.SCHOOL, "x".repeat(121)),
                null, List.of(), List.of(), "b".repeat(1001)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.violations())
                        .extracting(v -> v.field() + ":" + v.code())
                        .containsExactlyInAnyOrder("displayName:blank", "organisation.name:too-long", "bio:too-long"));
    }

    @Test
    void eachFieldIsSeenAsTheMemberChose() {
        Visibility chosen = new Visibility(Visibility.Shown.LEDEN, Visibility.Shown.ONLY_ME, null, null, null, null,
                null, null);
        Member member = Member.register("id-1", sanne, false, MONDAY).edited(Details.NONE, chosen, TUESDAY).orElseThrow();
        Member.Viewer friend = new Member.Viewer("id-2", false);
        Member.Viewer lid = new Member.Viewer("id-3", true);
        Member.Viewer herself = new Member.Viewer("id-1", false);

        assertThat(member.shows(Visibility.Field.EMAIL, friend)).isFalse();
        assertThat(member.shows(Visibility.Field.EMAIL, lid)).isTrue();
        assertThat(member.shows(Visibility.Field.FUNCTION, lid)).isFalse();
        assertThat(member.shows(Visibility.Field.FUNCTION, herself)).isTrue();
        assertThat(member.shows(Visibility.Field.REGION, friend)).isTrue();
    }

    @Test
    void byDefaultTheEmailAddressIsTheMembersOwnAndTheRestIsShownToTheSignedIn() {
        Member member = Member.register("id-1", sanne, false, MONDAY);
        Member.Viewer lid = new Member.Viewer("id-3", true);

        assertThat(member.shows(Visibility.Field.EMAIL, lid)).isFalse();
        assertThat(List.of(Visibility.Field.values())).filteredOn(field -> field != Visibility.Field.EMAIL)
                .allSatisfy(field -> assertThat(member.shows(field, new Member.Viewer("id-2", false))).isTrue());
    }

    @Test
    void aNewPhotoHasANewRevisionAndRemovingItLeavesNone() {
        Member member = Member.register("id-1", sanne, false, MONDAY);

        Member withPhoto = member.withNewPhoto(TUESDAY);
        Member again = withPhoto.withNewPhoto(TUESDAY);

        assertThat(withPhoto.hasPhoto()).isTrue();
        assertThat(again.photo()).isGreaterThan(withPhoto.photo());
        assertThat(again.withoutPhoto(TUESDAY).hasPhoto()).isFalse();
    }
}

package nl.mboconnect.events.registration;

import static nl.mboconnect.events.event.EventFixtures.EDITOR;
import static nl.mboconnect.events.event.EventFixtures.NOW;
import static nl.mboconnect.events.event.EventFixtures.START;
import static nl.mboconnect.events.event.EventFixtures.details;
import static nl.mboconnect.events.event.EventFixtures.member;
import static nl.mboconnect.events.event.EventFixtures.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.mboconnect.events.event.Attendance;
import nl.mboconnect.events.event.Audience;
import nl.mboconnect.events.event.Breakout;
import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventFixtures;
import nl.mboconnect.events.event.Question;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.events.event.Visibility;
import nl.mboconnect.events.event.WaitlistPolicy;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.Violation;

class RosterTest {

    private static final Event TWO_PLACES = published(EventFixtures.withCapacity(details(), 2));

    @Test
    void membersAreConfirmedUntilTheEventIsFullThenWaitInArrivalOrder() {
        Roster roster = registerAll(TWO_PLACES, "a", "b", "c", "d");

        assertThat(roster.of("a").orElseThrow().status()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(roster.of("b").orElseThrow().status()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(roster.positionOf("c")).isEqualTo(1);
        assertThat(roster.positionOf("d")).isEqualTo(2);
        assertThat(roster.occupancy().placesTaken()).isEqualTo(2);
        assertThat(roster.occupancy().waitlisted()).isEqualTo(2);
    }

    @Test
    void waitlistedMemberIsPromotedWhenAPlaceFrees() {
        Roster roster = registerAll(TWO_PLACES, "a", "b", "c", "d");

        Roster.Change change = roster.cancel(TWO_PLACES, member("a"), NOW);

        assertThat(change.happened()).extracting(happened -> happened.getClass().getSimpleName())
                .containsExactly("Cancelled", "Promoted");
        assertThat(change.roster().of("c").orElseThrow().status()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(change.roster().positionOf("d")).isEqualTo(1);
        assertThat(change.roster().occupancy().placesTaken()).isEqualTo(2);
    }

    @Test
    void leavingTheWaitlistMovesThoseBehindUp() {
        Roster roster = registerAll(TWO_PLACES, "a", "b", "c", "d", "e");

        Roster after = roster.cancel(TWO_PLACES, member("c"), NOW).roster();

        assertThat(after.positionOf("d")).isEqualTo(1);
        assertThat(after.positionOf("e")).isEqualTo(2);
        assertThat(after.occupancy().placesTaken()).isEqualTo(2);
    }

    @Test
    void anOfferHoldsThePlaceUntilItLapsesThenPassesItOn() {
        Event offering = published(EventFixtures.withWaitlist(EventFixtures.withCapacity(details(), 1),
                new WaitlistPolicy(WaitlistPolicy.Promotion.OFFER, 48)));
        Roster roster = registerAll(offering, "a", "b", "c");

        Roster offered = roster.cancel(offering, member("a"), NOW).roster();
        Registration b = offered.of("b").orElseThrow();
        assertThat(b.status()).isEqualTo(Registration.Status.OFFERED);
        assertThat(b.offerExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(48)));
        assertThat(offered.occupancy().placesTaken()).isEqualTo(1);
        assertThat(offered.expireOffers(offering, NOW.plus(Duration.ofHours(47))).changed()).isFalse();

        Roster.Change lapsed = offered.expireOffers(offering, NOW.plus(Duration.ofHours(48)));

        assertThat(lapsed.roster().of("b").orElseThrow().status()).isEqualTo(Registration.Status.LAPSED);
        assertThat(lapsed.roster().of("c").orElseThrow().status()).isEqualTo(Registration.Status.OFFERED);
        assertThat(lapsed.happened()).extracting(happened -> happened.getClass().getSimpleName())
                .containsExactly("OfferLapsed", "Promoted");
    }

    @Test
    void anOfferTakenInTimeConfirmsThePlace() {
        Event offering = published(EventFixtures.withWaitlist(EventFixtures.withCapacity(details(), 1),
                new WaitlistPolicy(WaitlistPolicy.Promotion.OFFER, 48)));
        Roster offered = registerAll(offering, "a", "b").cancel(offering, member("a"), NOW).roster();

        Roster taken = offered.acceptOffer(offering, member("b"), NOW.plusSeconds(60)).roster();

        assertThat(taken.of("b").orElseThrow().status()).isEqualTo(Registration.Status.CONFIRMED);
        assertThatThrownBy(() -> offered.acceptOffer(offering, member("b"), NOW.plus(Duration.ofHours(49))))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.code()).isEqualTo("offer-lapsed"));
    }

    @Test
    void aBreakoutSessionIsNeverOverfilledAndWhoChoseAFullOneWaitsForItAndMovesUpWhenAPlaceFrees() {
        Event breakouts = published(EventFixtures.withBreakouts(EventFixtures.withCapacity(details(), 10),
                List.of(new Breakout("a", "Sessie A", null, 1), new Breakout("b", "Sessie B", null, 5))));
        Roster roster = Roster.empty().register(breakouts, member("m1"), "M1", "a", Map.of(), NOW).roster();

        Roster.Change waiting = roster.register(breakouts, member("m2"), "M2", "a", Map.of(), NOW);
        assertThat(waiting.roster().of("m2").orElseThrow().status()).isEqualTo(Registration.Status.WAITLISTED);
        assertThat(waiting.happened()).singleElement().isInstanceOf(Roster.Waitlisted.class);
        assertThat(waiting.roster().occupancy().breakouts()).containsEntry("a", 1);
        assertThat(waiting.roster().occupancy().choosing("a")).isEqualTo(2);
        Roster withThird = waiting.roster().register(breakouts, member("m3"), "M3", "b", Map.of(), NOW).roster();
        assertThatThrownBy(() -> withThird.switchBreakout(breakouts, member("m3"), "a", NOW))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.code()).isEqualTo("breakout-full"));
        // a session chosen by a member who waits for it stays: removing it is refused
        Event counted = breakouts.withOccupancy(withThird.occupancy());
        assertThatThrownBy(() -> counted.edit(EventFixtures.withBreakouts(EventFixtures.withCapacity(details(), 10),
                List.of(new Breakout("b", "Sessie B", null, 5))), null, EventFixtures.EDITOR, NOW))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.violations())
                        .extracting(Violation::code).contains("breakout-in-use"));

        Roster.Change freed = withThird.switchBreakout(breakouts, member("m1"), "b", NOW);
        assertThat(freed.roster().of("m2").orElseThrow().status()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(freed.happened()).hasAtLeastOneElementOfType(Roster.Promoted.class);
        assertThat(freed.roster().occupancy().breakouts()).containsEntry("a", 1).containsEntry("b", 2);
    }

    @Test
    void anUnknownBreakoutOrAMissingChoiceIsInvalid() {
        Event breakouts = published(EventFixtures.withBreakouts(details(), List.of(new Breakout("a", "A", null, null))));

        assertThat(violations(() -> Roster.empty().register(breakouts, member("m"), "M", "zz", Map.of(), NOW)))
                .extracting(Violation::code).containsExactly("unknown-breakout");
        assertThat(violations(() -> Roster.empty().register(breakouts, member("m"), "M", null, Map.of(), NOW)))
                .extracting(Violation::code).containsExactly("required");
        assertThat(violations(() -> Roster.empty().register(TWO_PLACES, member("m"), "M", "a", Map.of(), NOW)))
                .extracting(Violation::code).containsExactly("unknown-breakout");
    }

    @Test
    void theEventsOwnQuestionsAreCheckedNamedByField() {
        Event asking = published(EventFixtures.withQuestions(details(), List.of(
                new Question("rol", "Vanuit welke rol?", Question.Type.CHOICE, List.of("Docent", "Teamleider"), true),
                new Question("vraag", "Welke vraag neem je mee?", Question.Type.TEXT, null, false))));

        assertThat(violations(() -> Roster.empty().register(asking, member("m"), "M", null,
                Map.of("rol", "Directeur", "extra", "x"), NOW)))
                .extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("answers.extra", "unknown-question"),
                        org.assertj.core.groups.Tuple.tuple("answers.rol", "not-an-option"));
        assertThat(violations(() -> Roster.empty().register(asking, member("m"), "M", null, Map.of(), NOW)))
                .extracting(Violation::field).containsExactly("answers.rol");
        Registration registered = Roster.empty().register(asking, member("m"), "M", null,
                Map.of("rol", "Docent", "vraag", "  Hoe houden we stages vast?  "), NOW).roster().of("m").orElseThrow();
        assertThat(registered.answers()).containsEntry("vraag", "Hoe houden we stages vast?");
    }

    @Test
    void aMemberRegistersOnceAndMayComeBackAfterCancelling() {
        Roster once = Roster.empty().register(TWO_PLACES, member("a"), "A", null, Map.of(), NOW).roster();

        assertThatThrownBy(() -> once.register(TWO_PLACES, member("a"), "A", null, Map.of(), NOW))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.code()).isEqualTo("already-registered"));
        Roster back = once.cancel(TWO_PLACES, member("a"), NOW).roster()
                .register(TWO_PLACES, member("a"), "A", null, Map.of(), NOW).roster();
        assertThat(back.occupancy().confirmed()).as("one registration, confirmed again").isEqualTo(1);
        assertThat(back.arrivals()).isEqualTo(2);
        assertThat(back.of("a").orElseThrow().status()).isEqualTo(Registration.Status.CONFIRMED);
    }

    @Test
    void nobodyRegistersOrCancelsOnceTheEventHasStarted() {
        Roster roster = registerAll(TWO_PLACES, "a");

        assertThatThrownBy(() -> roster.cancel(TWO_PLACES, member("a"), START))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.code()).isEqualTo("event-started"));
        assertThatThrownBy(() -> roster.register(TWO_PLACES, member("b"), "B", null, Map.of(), START.plusSeconds(1)))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.code()).isEqualTo("event-started"));
    }

    @Test
    void theUninvitedCanNotRegisterForAnInvitationOnlyEventNorLearnItExists() {
        Event invited = published(EventFixtures.withVisibility(details(),
                new Visibility(Visibility.Level.INVITED, List.of("joris"), List.of())));

        assertThatThrownBy(() -> Roster.empty().register(invited, member("sanne"), "S", null, Map.of(), NOW))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.kind())
                        .isEqualTo(Refusal.Kind.NOT_FOUND));
        assertThat(Roster.empty().register(invited, member("joris"), "J", null, Map.of(), NOW).changed()).isTrue();
    }

    @Test
    void anEventForLedenRefusesFriends() {
        Event forLeden = published(details().withAttendance(new Attendance(new Audience("Leden", List.of("lid")), 10,
                null, null, List.of(), List.of())));

        assertThatThrownBy(() -> Roster.empty().register(forLeden, member("sanne"), "S", null, Map.of(), NOW))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.kind())
                        .isEqualTo(Refusal.Kind.FORBIDDEN));
        assertThat(Roster.empty().register(forLeden, Viewer.member("joris", Set.of("vriend", "lid")), "J", null,
                Map.of(), NOW).changed()).isTrue();
    }

    @Test
    void organisersCheckInConfirmedAttendeesFromAnHourBeforeTheStart() {
        Roster roster = registerAll(TWO_PLACES, "a", "b", "c");

        assertThatThrownBy(() -> roster.recordAttendance(TWO_PLACES, EDITOR, "a", true, START.minus(Duration.ofHours(2))))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.code()).isEqualTo("check-in-not-open"));
        assertThatThrownBy(() -> roster.recordAttendance(TWO_PLACES, member("a"), "a", true, START))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.kind())
                        .isEqualTo(Refusal.Kind.FORBIDDEN));
        assertThatThrownBy(() -> roster.recordAttendance(TWO_PLACES, EDITOR, "c", true, START))
                .as("waitlisted").isInstanceOf(Refusal.class);

        Roster.Change checkedIn = roster.recordAttendance(TWO_PLACES, member("olga"), "a", true, START.plusSeconds(60));
        assertThat(checkedIn.roster().of("a").orElseThrow().checkedInAt()).isEqualTo(START.plusSeconds(60));
        assertThat(checkedIn.roster().recordAttendance(TWO_PLACES, EDITOR, "a", true, START).changed())
                .as("checking in twice changes nothing").isFalse();
    }

    @Test
    void aRaisedCapacityLetsTheWaitlistMoveUp() {
        Roster roster = registerAll(TWO_PLACES, "a", "b", "c", "d", "e");
        Event bigger = TWO_PLACES.edit(EventFixtures.withCapacity(details(), 4), null, EDITOR, NOW).event();

        Roster.Change filled = roster.fill(bigger, NOW);

        assertThat(filled.happened()).hasSize(2);
        assertThat(filled.roster().occupancy().placesTaken()).isEqualTo(4);
        assertThat(filled.roster().positionOf("e")).isEqualTo(1);
    }

    private static Roster registerAll(Event event, String... members) {
        Roster roster = Roster.empty();
        for (int i = 0; i < members.length; i++) {
            roster = roster.register(event, member(members[i]), members[i].toUpperCase(), null, Map.of(),
                    NOW.plusMillis(i)).roster();
        }
        return roster;
    }

    private static List<Violation> violations(Runnable action) {
        try {
            action.run();
        } catch (Refusal problem) {
            assertThat(problem.kind()).isEqualTo(Refusal.Kind.INVALID);
            return problem.violations();
        }
        throw new AssertionError("expected the input to be refused");
    }

}

package nl.mboconnect.events.event;

import static nl.mboconnect.events.event.EventFixtures.EDITOR;
import static nl.mboconnect.events.event.EventFixtures.END;
import static nl.mboconnect.events.event.EventFixtures.NOW;
import static nl.mboconnect.events.event.EventFixtures.START;
import static nl.mboconnect.events.event.EventFixtures.details;
import static nl.mboconnect.events.event.EventFixtures.member;
import static nl.mboconnect.events.event.EventFixtures.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.Violation;

class EventTest {

    @Test
    void anEventThatEndsBeforeItStartsIsRefusedWithTheFieldAtFault() {
        EventDetails backwards = EventFixtures.withTimes(details(), END, START, List.of());

        assertThat(backwards.violations()).extracting(Violation::field, Violation::code)
                .contains(org.assertj.core.groups.Tuple.tuple("end", "end-before-start"));
    }

    @Test
    void aProgrammeItemOutsideTheEventIsRefused() {
        EventDetails late = EventFixtures.withTimes(details(), START, END,
                List.of(new ProgrammeItem(END.minusSeconds(600), END.plusSeconds(600), "Borrel", null, null, null)));

        assertThat(late.violations()).extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("programme[0].start", "outside-event"));
    }

    @Test
    void aProgrammeItemNamingAnUnknownBreakoutIsRefused() {
        EventDetails unknown = EventFixtures.withTimes(details(), START, END,
                List.of(new ProgrammeItem(START, END, "Deelsessies", null, null, "nope")));

        assertThat(unknown.violations()).extracting(Violation::code).contains("unknown-breakout");
    }

    @Test
    void capacityCanNotDropBelowThePlacesTaken() {
        Event event = published(details()).withOccupancy(new Occupancy(30, 2, 5, Map.of(), Map.of()));

        assertThatThrownBy(() -> event.edit(EventFixtures.withCapacity(details(), 31), null, EDITOR, NOW))
                .isInstanceOfSatisfying(Refusal.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(problem.violations()).extracting(Violation::code).containsExactly("capacity-below-registrations");
                });
        assertThat(event.edit(EventFixtures.withCapacity(details(), 32), null, EDITOR, NOW).event().details().attendance().capacity())
                .isEqualTo(32);
    }

    @Test
    void aBreakoutWithAttendeesCanNotBeRemovedOrShrunkBelowThem() {
        EventDetails withBreakouts = EventFixtures.withBreakouts(details(),
                List.of(new Breakout("a", "A", null, 10), new Breakout("b", "B", null, 10)));
        Event event = published(withBreakouts).withOccupancy(new Occupancy(8, 0, 0, Map.of("a", 6, "b", 2), Map.of()));

        assertThatThrownBy(() -> event.edit(EventFixtures.withBreakouts(details(), List.of(new Breakout("a", "A", null, 10))),
                null, EDITOR, NOW)).isInstanceOfSatisfying(Refusal.class,
                        problem -> assertThat(problem.violations()).extracting(Violation::code).containsExactly("breakout-in-use"));
        assertThatThrownBy(() -> event.edit(EventFixtures.withBreakouts(details(),
                List.of(new Breakout("a", "A", null, 5), new Breakout("b", "B", null, 10))), null, EDITOR, NOW))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.violations())
                        .extracting(Violation::field).containsExactly("breakouts[0].capacity"));
    }

    @Test
    void anEditOfTimeOrPlaceRaisesTheSequenceAndMustBeHeardByAttendees() {
        Event event = published(details());
        Instant later = START.plusSeconds(3600);

        Event.Edited moved = event.edit(EventFixtures.withTimes(details(), later, END.plusSeconds(3600),
                List.of()), null, EDITOR, NOW);
        Event.Edited relocated = event.edit(EventFixtures.withLocation(details(), new Location(Location.Mode.ONSITE,
                "Techniek College", "Industrieweg 5, 6541 TA Nijmegen", "Nijmegen", "Oost", null, null)), null, EDITOR,
                NOW);
        Event.Edited retitled = event.edit(details(), null, EDITOR, NOW);

        assertThat(moved.rescheduled()).isTrue();
        assertThat(moved.attendeesMustHear()).isTrue();
        assertThat(moved.event().sequence()).isEqualTo(event.sequence() + 1);
        assertThat(relocated.relocated()).isTrue();
        assertThat(relocated.rescheduled()).isFalse();
        assertThat(relocated.attendeesMustHear()).isTrue();
        assertThat(retitled.attendeesMustHear()).isFalse();
    }

    @Test
    void onlyADraftIsPublishedAndACancelledEventStaysCancelled() {
        Event event = published(details());

        assertThatThrownBy(() -> event.publish(EDITOR, NOW)).isInstanceOf(Refusal.class);
        Event cancelled = event.cancel("Spreker ziek", EDITOR, NOW);
        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(cancelled.sequence()).isGreaterThan(event.sequence());
        assertThatThrownBy(() -> cancelled.edit(details(), null, EDITOR, NOW))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.code()).isEqualTo("event-closed"));
    }

    @Test
    void anEventIsCompletedOnlyAfterItEnded() {
        Event event = published(details());

        assertThatThrownBy(() -> event.complete(EDITOR, NOW)).isInstanceOf(Refusal.class);
        assertThat(event.complete(EDITOR, END.plusSeconds(1)).status()).isEqualTo(EventStatus.COMPLETED);
    }

    @Test
    void aReportIsLinkedAfterTheEventAndABlankLinkRemovesIt() {
        Event event = published(details());

        assertThatThrownBy(() -> event.withReport("https://mboconnect.nl/kennis/verslag", EDITOR, NOW))
                .isInstanceOf(Refusal.class);
        Event linked = event.withReport(" https://mboconnect.nl/kennis/verslag ", EDITOR, END.plusSeconds(60));
        assertThat(linked.details().links().reportUrl()).isEqualTo("https://mboconnect.nl/kennis/verslag");
        assertThat(linked.withReport("  ", EDITOR, END.plusSeconds(120)).details().links().reportUrl()).isNull();
    }

    @Test
    void aReportLinkIsAFullWebAddressAndNothingThatLeadsElsewhere() {
        Event event = published(details());
        Instant after = END.plusSeconds(60);

        for (String link : List.of("//evil.example/verslag", "javascript:alert(1)", "/kennis/verslag", "https://",
                "ftp://mboconnect.nl/verslag", "mboconnect.nl/verslag")) {
            assertThatThrownBy(() -> event.withReport(link, EDITOR, after)).as(link)
                    .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.violations())
                            .extracting(Violation::field, Violation::code).containsExactly(tuple("reportUrl", "url")));
        }
        assertThat(event.withReport("http://roc.example/kennis/verslag?id=3", EDITOR, after).details().links().reportUrl())
                .isEqualTo("http://roc.example/kennis/verslag?id=3");
    }

    @Test
    void anInvitationOnlyEventIsSeenByItsInviteesAndManagersOnly() {
        Event invited = published(EventFixtures.withVisibility(details(),
                new Visibility(Visibility.Level.INVITED, List.of("joris"), List.of("expertgroep-kleine-opleidingen"))));

        assertThat(invited.isVisibleTo(member("joris"))).isTrue();
        assertThat(invited.isVisibleTo(member("sanne"))).isFalse();
        assertThat(invited.isVisibleTo(Viewer.anonymous())).isFalse();
        assertThat(invited.isVisibleTo(Viewer.member("lid-zonder-uitnodiging", Set.of("vriend", "lid")))).isFalse();
        assertThat(invited.isVisibleTo(member("olga"))).as("organiser").isTrue();
        assertThat(invited.isVisibleTo(EDITOR)).isTrue();
        assertThat(invited.isVisibleTo(new Viewer("groepslid", Set.of("vriend"), Set.of("expertgroep-kleine-opleidingen"))))
                .as("member of an invited group").isTrue();
    }

    @Test
    void aViewersGroupsAreReadOnlyForAnEventShownToGroupsAndThenOnce() {
        AtomicInteger reads = new AtomicInteger();
        Viewer viewer = Viewer.withGroupsFrom("groepslid", Set.of("vriend"), () -> {
            reads.incrementAndGet();
            return Set.of("expertgroep-kleine-opleidingen");
        });
        Event open = published(details());
        Event invited = published(EventFixtures.withVisibility(details(),
                new Visibility(Visibility.Level.INVITED, List.of(), List.of("expertgroep-kleine-opleidingen"))));

        assertThat(open.isVisibleTo(viewer)).isTrue();
        assertThat(reads).as("a public event asks nothing of the groups").hasValue(0);
        assertThat(invited.isVisibleTo(viewer)).isTrue();
        assertThat(invited.isVisibleTo(viewer)).isTrue();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aLidOnlyEventIsHiddenFromFriendsAndVisitors() {
        Event lid = published(EventFixtures.withVisibility(details(), new Visibility(Visibility.Level.LID, null, null)));

        assertThat(lid.isVisibleTo(Viewer.member("joris", Set.of("vriend", "lid")))).isTrue();
        assertThat(lid.isVisibleTo(member("sanne"))).isFalse();
        assertThat(lid.isVisibleTo(Viewer.anonymous())).isFalse();
    }

    @Test
    void aDraftIsSeenByItsManagersOnly() {
        Event draft = Event.draft("d", details(), List.of("olga"), EDITOR, NOW);

        assertThat(draft.isVisibleTo(member("sanne"))).isFalse();
        assertThat(draft.isVisibleTo(member("olga"))).isTrue();
        assertThat(draft.isPublic()).isFalse();
    }

    @Test
    void organisersManageTheirEventButDoNotChooseOtherOrganisers() {
        Event event = published(details());

        Event edited = event.edit(details(), List.of("olga", "vriend-van-olga"), member("olga"), NOW).event();

        assertThat(edited.organisers()).containsExactly("olga");
        assertThatThrownBy(() -> event.edit(details(), null, member("sanne"), NOW))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.kind())
                        .isEqualTo(Refusal.Kind.FORBIDDEN));
    }

    @Test
    void onlyEditorsCreateEvents() {
        assertThatThrownBy(() -> Event.draft("x", details(), List.of(), member("sanne"), NOW))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.kind())
                        .isEqualTo(Refusal.Kind.FORBIDDEN));
    }

    @Test
    void localTimesAreReadInAmsterdamAcrossDaylightSavingChanges() {
        Instant winter = EventTime.toInstant(LocalDateTime.parse("2026-12-10T13:30"), "start");
        Instant summer = EventTime.toInstant(LocalDateTime.parse("2026-06-10T13:30"), "start");
        Instant dayOfChange = EventTime.toInstant(LocalDateTime.parse("2027-03-28T13:30"), "start");

        assertThat(winter).isEqualTo(Instant.parse("2026-12-10T12:30:00Z"));
        assertThat(summer).isEqualTo(Instant.parse("2026-06-10T11:30:00Z"));
        assertThat(dayOfChange).isEqualTo(Instant.parse("2027-03-28T11:30:00Z"));
    }

    @Test
    void aLocalTimeSkippedByTheClockChangeIsRefused() {
        assertThatThrownBy(() -> EventTime.toInstant(LocalDateTime.parse("2027-03-28T02:30"), "start"))
                .isInstanceOfSatisfying(Refusal.class, problem -> assertThat(problem.violations())
                        .extracting(Violation::code).containsExactly("nonexistent-time"));
    }
}

package nl.mboconnect.events.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.mboconnect.events.EventsApi;
import nl.mboconnect.events.catalog.Lifecycle;
import nl.mboconnect.events.demo.DemoContent.Member;
import nl.mboconnect.events.directory.MemberDirectory.MemberName;
import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventEvents;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.EventTime;
import nl.mboconnect.events.event.Events;
import nl.mboconnect.events.event.Visibility;
import nl.mboconnect.events.registration.Registration;
import nl.mboconnect.events.registration.Registrations;
import nl.mboconnect.events.registration.Roster;
import nl.mboconnect.platform.events.aggregate.Loaded;
import nl.mboconnect.platform.events.readmodel.ReadModel;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo events, seeded as the local run seeds them: the service starts with the demo turned on,
 * on an empty database of its own (the other test classes share theirs), and adds them once it is
 * ready, through the features' own interfaces.
 */
@ServiceTest
@TestPropertySource(properties = { "mbo.demo.enabled=true", "mbo.test.database=events-demo-test" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoEventsTest {

    private static final String FOLLOW_UP = "klein-specialistisch-vervolg-expertmeeting";
    private static final String EXPERT_MEETING = "klein-specialistisch-expertmeeting";
    private static final String PAST_TOUR_STOP = "llo-tour-noord-delfzijl";

    @LocalServerPort
    int port;
    @Autowired
    Events store;
    @Autowired
    DemoEvents seeder;
    @Autowired
    ReadModel<MemberName> directory;
    @Autowired
    Clock clock;
    @Autowired
    MongoDatabase database;
    @Autowired
    ApplicationContext context;

    private final DemoContent content = DemoEvents.content();
    private TopicReader published;
    private LocalDate today;

    @BeforeAll
    void awaitTheSeeding() {
        // the topic from its start: the seeder published while the service started
        published = TopicReader.fromStart(TestInfrastructure.kafka().bootstrapServers(), EventEvents.TOPIC);
        today = LocalDate.ofInstant(clock.instant(), EventTime.ZONE);
        await().atMost(Duration.ofSeconds(60)).until(() -> events().countDocuments() == 12);
    }

    @AfterAll
    void closeTheTopic() {
        published.close();
    }

    @Test
    void aDozenEventsAreAddedOnceAndASecondRunAddsNothing() {
        assertThat(events().countDocuments(Filters.in("_id", ids()))).isEqualTo(12);

        assertThat(seeder.seed(content)).isZero();

        assertThat(events().countDocuments()).isEqualTo(12);
    }

    @Test
    void everyoneInTheDemoIsInTheDirectoryByNameButRealNewsWins() {
        assertThat(directory.find(content.account("joris").id()).map(MemberName::displayName)).contains("Joris Bakker");
        Member person = content.people().getFirst();
        assertThat(directory.find(person.id()).map(MemberName::displayName)).contains(person.name());
        assertThat(directory.put(new MemberName(person.id(), "Renamed Later"), clock.instant())).isTrue();
        assertThat(directory.find(person.id()).map(MemberName::displayName)).contains("Renamed Later");
    }

    @Test
    void theSeederIsOffUnlessTheLocalRunTurnsItOn() {
        ApplicationContextRunner service = new ApplicationContextRunner().withUserConfiguration(DemoEvents.class)
                .withBean(Events.class, () -> store).withBean(Lifecycle.class, () -> context.getBean(Lifecycle.class))
                .withBean(Registrations.class, () -> context.getBean(Registrations.class))
                .withBean(ReadModel.class, () -> directory).withBean(Clock.class, () -> clock);
        service.run(started -> assertThat(started).doesNotHaveBean(DemoEvents.class));
        service.withPropertyValues("mbo.demo.enabled=true")
                .run(started -> assertThat(started).hasSingleBean(DemoEvents.class));
    }

    @Test
    void everyEventEndsUpAsDraftedAndMeetsTheDomainsRules() {
        for (DemoEvent demo : content.events()) {
            Loaded<Event> stored = store.load(demo.id()).orElseThrow();
            Event event = stored.aggregate();
            List<Registration> all = context.getBean(Registrations.class).all(stored);
            Roster roster = Roster.of(all);
            DemoEvent.Registrations drafted = demo.registrations();
            assertThat(event.details().violations()).as(demo.key()).isEmpty();
            assertThat(event.status()).as(demo.key()).isEqualTo(demo.status());
            assertThat(event.details().links().reportUrl()).as(demo.key()).isEqualTo(demo.reportUrl());
            assertThat(event.occupancy().confirmed()).as(demo.key()).isEqualTo(drafted.confirmed());
            assertThat(event.occupancy().waitlisted()).as(demo.key()).isEqualTo(drafted.waitlisted());
            assertThat(event.occupancy().offered()).as(demo.key()).isZero();
            assertThat(all).as(demo.key()).hasSize(drafted.registrants())
                    .filteredOn(registration -> registration.checkedInAt() != null).hasSize(drafted.attended());
            assertThat(event.occupancy()).as(demo.key() + ": counts kept as the roster says")
                    .isEqualTo(roster.occupancy());
            assertThat(event.organisers()).as(demo.key())
                    .containsExactlyElementsOf(demo.organisers().stream().map(name -> content.account(name).id()).toList());
            assertThat(EventTime.toLocal(event.details().schedule().start()).toLocalDate()).as(demo.key())
                    .isEqualTo(today.plusDays(demo.day()));
        }
    }

    @Test
    void aFullEventLinesUpItsWaitlistInOrderOfArrival() {
        DemoEvent full = content.events().stream()
                .filter(demo -> demo.registrations().waitlisted() > 0 && demo.status() == EventStatus.PUBLISHED)
                .findFirst().orElseThrow();
        Loaded<Event> stored = store.load(full.id()).orElseThrow();

        assertThat(stored.aggregate().placesLeft()).isZero();
        assertThat(stored.aggregate().occupancy().confirmed()).isEqualTo(stored.aggregate().details().attendance().capacity());
        List<Registration> line = roster(stored).waitlist();
        assertThat(line).hasSize(full.registrations().waitlisted());
        assertThat(line).extracting(Registration::registeredAt).isSorted();
        assertThat(line.getFirst().registeredAt()).isBefore(clock.instant());
    }

    @Test
    void aPastTourStopIsCompletedWithTheAttendanceRecordedWhenItHappened() {
        DemoEvent demo = content.byKey().get(PAST_TOUR_STOP);
        Loaded<Event> stored = store.load(demo.id()).orElseThrow();
        Event event = stored.aggregate();
        List<Registration> all = context.getBean(Registrations.class).all(stored);
        Roster roster = Roster.of(all);
        Member sanne = content.account("sanne");

        assertThat(event.status()).isEqualTo(EventStatus.COMPLETED);
        assertThat(event.details().schedule().end()).isBefore(clock.instant());
        assertThat(event.timeline().publishedAt()).isBefore(event.details().registrationCloses());
        assertThat(all).allSatisfy(registration -> assertThat(registration.registeredAt())
                .isBetween(event.timeline().publishedAt(), event.details().registrationCloses()));
        List<Instant> checkIns = all.stream().map(Registration::checkedInAt)
                .filter(Objects::nonNull).toList();
        assertThat(checkIns).hasSize(29).allSatisfy(at -> assertThat(at)
                .isBetween(event.details().schedule().start().minus(Duration.ofHours(1)), event.details().schedule().end()));
        assertThat(roster.of(sanne.id()).orElseThrow().checkedInAt()).isNotNull();
        assertThat(event.details().links().series().id()).isEqualTo("llo-tour-2026-2027");

        ConsumerRecord<String, byte[]> completed = published.await(record -> demo.id().equals(record.key())
                && EventEvents.COMPLETED.type().equals(TopicReader.header(record, "ce_type")), Duration.ofSeconds(20));
        assertThat(TopicReader.value(completed)).contains(demo.title());
    }

    @Test
    void theInvitationOnlyMeetingsAreInJorissAgendaButNotInTheAnonymousOne() {
        EventsApi api = new EventsApi(port);
        TestTokens.Builder joris = TestTokens.member("joris", "vriend", "lid").subject(content.account("joris").id());
        TestTokens.Builder sanne = TestTokens.member("sanne", "vriend").subject(content.account("sanne").id());
        String followUp = DemoEvent.idOf(FOLLOW_UP);
        String original = DemoEvent.idOf(EXPERT_MEETING);
        String draft = content.events().stream().filter(demo -> demo.status() == EventStatus.DRAFT).findFirst()
                .orElseThrow().id();
        String agenda = "/api/events/agenda?from=" + today.minusDays(30);

        assertThat(store.find(followUp).orElseThrow().details().visibility().level())
                .isEqualTo(Visibility.Level.INVITED);
        assertThat(store.find(followUp).orElseThrow().details().links().followUpOf()).isEqualTo(original);
        assertThat(ids(api.call(HttpMethod.GET, agenda, null, null))).contains(DemoEvent.idOf(PAST_TOUR_STOP))
                .doesNotContain(followUp, original, draft);
        assertThat(ids(api.call(HttpMethod.GET, agenda, sanne, null))).doesNotContain(followUp, original);
        assertThat(ids(api.call(HttpMethod.GET, agenda, joris, null))).contains(followUp, original);
        assertThat(api.call(HttpMethod.GET, EventsApi.EVENTS + "/" + followUp + "/registration", joris, null)
                .get("status")).isEqualTo("confirmed");
    }

    @Test
    void theDemoAccountsAreTheRealmsUsersWithTheirFixedIds() throws Exception {
        Path realm = Path.of(System.getProperty("mbo.root", "..")).resolve(
                "infra/keycloak/src/main/resources/keycloak/realm-mbo-connect.json");
        JsonNode users = JsonMapper.builder().build().readTree(Files.readString(realm)).get("users");
        for (String username : List.of("sanne", "joris", "noor", "pieter")) {
            JsonNode user = null;
            for (JsonNode candidate : users) {
                if (username.equals(candidate.get("username").asString())) {
                    user = candidate;
                }
            }
            assertThat(user).as(username).isNotNull();
            Member account = content.account(username);
            assertThat(user.get("id").asString()).as(username).isEqualTo(account.id());
            List<String> roles = new ArrayList<>();
            user.get("realmRoles").forEach(role -> roles.add(role.asString().replace("default-roles-mbo-connect", "vriend")));
            assertThat(account.roles()).as(username).containsExactlyInAnyOrderElementsOf(roles);
        }
    }

    private List<String> ids() {
        return content.events().stream().map(DemoEvent::id).toList();
    }

    private static List<String> ids(Map<?, ?> agenda) {
        return ((List<?>) agenda.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("id")).toList();
    }

    private MongoCollection<Document> events() {
        return database.getCollection("events");
    }

    private Roster roster(Loaded<Event> event) {
        return context.getBean(Registrations.class).roster(event);
    }
}

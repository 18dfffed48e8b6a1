package nl.mboconnect.events.registration;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import com.mongodb.client.MongoDatabase;

import nl.mboconnect.events.EventsApi;
import nl.mboconnect.events.event.Events;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;

/**
 * Registrations are documents of their own, decided in one write of their event's document. Here
 * the work stops between any two of a registration's writes, as a crash would, and nothing is
 * half done: what was decided stands, is read back, is written out by whoever comes next (or the
 * sweep), and its events are published once. And an event keeps working with more registrations
 * and answers than one document could ever hold.
 */
@ServiceTest
class RegistrationDurabilityTest {

    @LocalServerPort
    int port;
    @Autowired
    RosterStore rosters;
    @Autowired
    Registrations registrations;
    @Autowired
    Events events;
    @Autowired
    MongoDatabase database;
    @Autowired
    Clock clock;
    @Autowired
    nl.mboconnect.platform.events.aggregate.Aggregates aggregates;

    /** What a crash at {@code step} leaves: nothing after it is written. */
    static final class Crash extends RuntimeException {
        Crash(String step) {
            super("stopped after " + step);
        }
    }

    @AfterEach
    void runsOnAgain() {
        rosters.crashPoint = step -> {
        };
    }

    @Test
    void aRegistrationStoppedBetweenAnyTwoWritesStandsAsDecidedAndIsPublishedOnce() {
        EventsApi api = new EventsApi(port);
        String id = api.publish(EventsApi.editor(), EventsApi.event(2));
        String registration = EventsApi.EVENTS + "/" + id + "/registration";
        TestTokens.Builder sanne = EventsApi.member("Sanne");
        TestTokens.Builder joris = EventsApi.member("Joris");
        TestTokens.Builder noor = EventsApi.member("Noor");
        TestTokens.Builder olga = EventsApi.member("Olga");

        try (TopicReader kafka = TopicReader.fromNow(TestInfrastructure.kafka().bootstrapServers(),
                RegistrationEvents.TOPIC)) {
            // 1. stopped after the decision: the event's document has it, the registration's own has not
            rosters.crashPoint = stopAt("decided");
            api.register(id, sanne);
            assertThat(ownDocument(id, sanne)).as("not written yet").isNull();
            assertThat(pending(id)).hasSize(1);
            runsOnAgain();
            assertThat(api.call(HttpMethod.GET, registration, sanne, null).get("status")).as("read back as decided")
                    .isEqualTo("confirmed");
            assertThat(ownDocument(id, sanne)).as("written by the read").isNotNull();

            // 2. stopped after the registration's own document, before it left the event's pending list
            rosters.crashPoint = stopAt("registrations-written");
            api.register(id, joris);
            assertThat(ownDocument(id, joris)).isNotNull();
            assertThat(pending(id)).hasSize(1);
            runsOnAgain();

            // 3. stopped after the decision again; this time the sweep writes it out
            rosters.crashPoint = stopAt("decided");
            Map<?, ?> waiting = api.register(id, noor);
            assertThat(waiting.get("status")).isEqualTo("waitlisted");
            assertThat(waiting.get("position")).isEqualTo(1);
            runsOnAgain();
            assertThat(rosters.settlePending()).isGreaterThanOrEqualTo(1);
            assertThat(ownDocument(id, noor)).isNotNull();
            assertThat(pending(id)).isEmpty();

            // 4. a cancellation and the promotion it makes, stopped after the decision: both stand
            rosters.crashPoint = stopAt("decided");
            api.call(HttpMethod.DELETE, registration, joris, null);
            runsOnAgain();
            Map<?, ?> promoted = api.call(HttpMethod.GET, registration, noor, null);
            assertThat(promoted.get("status")).isEqualTo("confirmed");
            assertThat(api.register(id, olga).get("position")).as("the line is as decided").isEqualTo(1);

            var event = events.find(id).orElseThrow();
            Roster roster = registrations.roster(events.load(id).orElseThrow());
            assertThat(event.occupancy()).as("the counts are what the registrations say").isEqualTo(roster.occupancy());
            assertThat(event.occupancy().confirmed()).isEqualTo(2);
            assertThat(event.occupancy().waitlisted()).isEqualTo(1);
            assertThat(roster.of(joris.subjectId()).orElseThrow().status()).isEqualTo(Registration.Status.CANCELLED);

            // every event about it published, each once: Sanne and Joris confirmed, Noor waitlisted,
            // Joris cancelled and Noor promoted (one write), Olga waitlisted
            var published = kafka.awaitCount(r -> id.equals(r.key()), 6, Duration.ofSeconds(30));
            assertThat(published).extracting(r -> TopicReader.header(r, "ce_type")).containsExactlyInAnyOrder(
                    RegistrationEvents.CONFIRMED.type(), RegistrationEvents.CONFIRMED.type(),
                    RegistrationEvents.WAITLISTED.type(), RegistrationEvents.CANCELLED.type(),
                    RegistrationEvents.PROMOTED.type(), RegistrationEvents.WAITLISTED.type());
            assertThat(published).extracting(r -> TopicReader.header(r, "ce_id")).doesNotHaveDuplicates();
        }
    }

    @Test
    void anEventWithMoreAnswersThanOneDocumentHoldsKeepsWorkingAndItsDocumentStaysSmall() {
        EventsApi api = new EventsApi(port);
        Map<String, Object> body = new LinkedHashMap<>(EventsApi.event(900));
        List<Map<String, Object>> questions = new ArrayList<>();
        for (int q = 1; q <= 20; q++) {
            questions.add(Map.of("id", "vraag" + q, "label", "Vraag " + q, "type", "text", "required", false));
        }
        body.put("questions", questions);
        String id = api.publish(EventsApi.editor(), body);
        int registrants = 1000;
        Map<String, String> answers = new LinkedHashMap<>();
        for (int q = 1; q <= 20; q++) {
            answers.put("vraag" + q, ("antwoord " + q + " ").repeat(100).substring(0, 1000));
        }

        for (int i = 0; i < registrants; i++) {
            registrations.register(id, Viewer.member("groot-" + i, java.util.Set.of("vriend")), "Lid " + i, null,
                    answers, clock.instant());
        }

        long answered = database.getCollection(RosterStore.COLLECTION).countDocuments(eq("eventId", id));
        assertThat(answered).isEqualTo(registrants);
        // 1,000 × 20 answers of 1,000 characters: 20 MB, more than the 16 MB one document may hold
        RawBsonDocument event = database.getCollection(Events.COLLECTION, RawBsonDocument.class).find(eq("_id", id))
                .first();
        assertThat(event.getByteBuffer().remaining()).as("the event's document, bytes").isLessThan(64 * 1024);
        var stored = events.find(id).orElseThrow();
        assertThat(stored.occupancy().confirmed()).isEqualTo(900);
        assertThat(stored.occupancy().waitlisted()).isEqualTo(100);

        TestTokens.Builder first = TestTokens.member("groot-0", "vriend").subject("groot-0");
        api.call(HttpMethod.DELETE, EventsApi.EVENTS + "/" + id + "/registration", first, null);
        Roster after = Roster.of(registrations.all(events.load(id).orElseThrow()));
        assertThat(after.of("groot-900").orElseThrow().status()).as("the first in line moved up")
                .isEqualTo(Registration.Status.CONFIRMED);
        assertThat(after.of("groot-900").orElseThrow().answers()).isEqualTo(answers);
        assertThat(events.find(id).orElseThrow().occupancy()).isEqualTo(after.occupancy());
        database.getCollection(RosterStore.COLLECTION).deleteMany(eq("eventId", id)); // the memory, for the tests after
    }

    @Test
    void registrationsAnOlderVersionKeptInsideTheEventsDocumentAreMovedIntoTheirOwnAtStart() {
        EventsApi api = new EventsApi(port);
        String id = api.publish(EventsApi.editor(), EventsApi.event(10));
        java.util.Date at = java.util.Date.from(clock.instant());
        database.getCollection(Events.COLLECTION).updateOne(eq("_id", id), com.mongodb.client.model.Updates.set(
                "registrations", List.of(new Document("memberId", "vroeger").append("displayName", "Vroeger Lid")
                        .append("status", "CONFIRMED").append("answers", new Document()).append("arrival", 1L)
                        .append("registeredAt", at).append("changedAt", at))));

        new RosterStore(events, database, aggregates); // as at the next start

        assertThat(database.getCollection(Events.COLLECTION).find(eq("_id", id)).first()).doesNotContainKey("registrations");
        Registration moved = registrations.of(events.load(id).orElseThrow(), "vroeger").orElseThrow();
        assertThat(moved.status()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(moved.displayName()).isEqualTo("Vroeger Lid");
    }

    private static java.util.function.Consumer<String> stopAt(String at) {
        return step -> {
            if (step.equals(at)) {
                throw new Crash(step);
            }
        };
    }

    private Document ownDocument(String eventId, TestTokens.Builder member) {
        return database.getCollection(RosterStore.COLLECTION).find(eq("_id", RosterStore.idOf(eventId, member.subjectId())))
                .first();
    }

    private List<Document> pending(String eventId) {
        return database.getCollection(Events.COLLECTION).find(eq("_id", eventId)).first()
                .getList("pending", Document.class, List.of());
    }
}

package nl.mboconnect.platform.events.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.mboconnect.platform.events.consumer.MemberErasure;
import nl.mboconnect.platform.events.it.ParcelApplication.Recipient;
import nl.mboconnect.platform.events.readmodel.ReadModel;
import nl.mboconnect.platform.service.ErasedMembers;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestEvents;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TopicReader;

/** A read model of another service's data: newest event wins, idempotent, tolerant, removable, replayable. */
@ServiceTest
class ReadModelIntegrationTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ReadModel<Recipient> recipients;

    @Autowired
    MongoDatabase database;

    @Test
    void eachEventKeepsTheFieldsItKnowsAndLeavesTheOthers() {
        String id = UUID.randomUUID().toString();
        send(named(id, "Sanne de Vries", MONDAY));
        send(moved(id, "Ede", MONDAY.plusSeconds(60)));

        await().atMost(WAIT).until(() -> recipients.find(id).map(Recipient::city).isPresent());
        assertThat(recipients.find(id)).contains(new Recipient(id, "Sanne de Vries", "Ede"));
    }

    @Test
    void anOlderEventArrivingLateOrTwiceDoesNotTurnItBack() {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> rename = named(id, "Noor Bakker", MONDAY.plusSeconds(3600));
        send(named(id, "Noor El Amrani", MONDAY));
        send(rename);
        send(named(id, "Noor Oud", MONDAY.minusSeconds(3600))); // replayed from long ago, after the rename
        send(rename); // redelivered
        String marker = marker(id);

        await().atMost(WAIT).until(() -> recipients.find(marker).isPresent());
        assertThat(recipients.find(id).map(Recipient::name)).contains("Noor Bakker");
        assertThat(database.getCollection("recipients").countDocuments(Filters.eq("_id", id))).isEqualTo(1);
    }

    @Test
    void eventsItDoesNotKeepAndFieldsItDoesNotKnowArePassedOver() {
        String id = UUID.randomUUID().toString();
        send(TestEvents.cloudEvent(ParcelApplication.RECIPIENTS, "nl.mboconnect.test.recipient.something-new.v1",
                "/other", id, MONDAY, "{\"recipientId\":\"" + id + "\",\"name\":\"Nieuw\"}"));
        send(TestEvents.cloudEvent(ParcelApplication.RECIPIENTS, ParcelApplication.NAMED, "/other", id, MONDAY,
                "{\"recipientId\":\"" + id + "\",\"name\":\"Joris\",\"shoeSize\":44}"));

        await().atMost(WAIT).until(() -> recipients.find(id).isPresent());
        assertThat(recipients.find(id)).contains(new Recipient(id, "Joris", null));
    }

    @Test
    void aRemovedRecordIsGoneAndAnOlderEventCannotBringItBack() {
        String id = UUID.randomUUID().toString();
        send(named(id, "Pieter Jansen", MONDAY));
        send(moved(id, "Zwolle", MONDAY.plusSeconds(1)));
        send(forgotten(id, MONDAY.plusSeconds(10)));
        send(named(id, "Pieter Jansen", MONDAY.plusSeconds(5))); // older than the removal, arriving after it
        String marker = marker(id);

        await().atMost(WAIT).until(() -> recipients.find(marker).isPresent());
        assertThat(recipients.find(id)).isEmpty();
        assertThat(recipients.search("name", "Pieter Jansen", 10)).isEmpty();
        Document tombstone = database.getCollection("recipients").find(Filters.eq("_id", id)).first();
        assertThat(tombstone).isNotNull();
        assertThat(tombstone.keySet()).containsExactlyInAnyOrder("_id", "removed", "sourceEventTime");
    }

    @Test
    void anErasedMemberIsGoneTombstoneAndAllAndNoLaterEventMakesThemAgain() {
        String id = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        send(named(id, "Lotte Visser", MONDAY));
        send(named(other, "Lotte Bos", MONDAY));
        await().atMost(WAIT).until(() -> recipients.find(id).isPresent() && recipients.find(other).isPresent());

        send(TestEvents.cloudEvent(MemberErasure.TOPIC, MemberErasure.ERASED, "/membership-service", id,
                MONDAY.plusSeconds(60), "{\"memberId\":\"" + id + "\",\"erasedAt\":\"2026-11-23T09:01:00Z\"}"));
        await().atMost(WAIT).until(() -> database.getCollection("recipients").countDocuments(Filters.eq("_id", id)) == 0);
        send(named(id, "Lotte Visser", MONDAY.plusSeconds(120))); // late, or replayed: after the erasure
        String marker = marker(id);

        await().atMost(WAIT).until(() -> recipients.find(marker).isPresent());
        assertThat(database.getCollection("recipients").countDocuments(Filters.eq("_id", id))).isZero();
        assertThat(recipients.find(other)).isPresent();
        assertThat(database.getCollection("erased_members").find().into(new java.util.ArrayList<>()).toString())
                .doesNotContain(id).contains(ErasedMembers.hash(id));
    }

    @Test
    void aReplayRebuildsWhatWasLost() {
        String id = UUID.randomUUID().toString();
        send(named(id, "Fatma Yilmaz", MONDAY));
        send(moved(id, "Tilburg", MONDAY.plusSeconds(1)));
        await().atMost(WAIT).until(() -> recipients.find(id).map(Recipient::city).isPresent());

        database.getCollection("recipients").deleteOne(Filters.eq("_id", id));
        assertThat(recipients.find(id)).isEmpty();
        recipients.replay();

        // the replay applies the two events one after the other: wait for both, not for the first
        await().atMost(WAIT).untilAsserted(
                () -> assertThat(recipients.find(id)).contains(new Recipient(id, "Fatma Yilmaz", "Tilburg")));
    }

    @Test
    void dataThatCanNeverFitGoesToTheDeadLetterTopicAndTheRestIsKept() {
        String id = UUID.randomUUID().toString();
        try (TopicReader deadLetters = TopicReader.fromNow(TestInfrastructure.kafka().bootstrapServers(),
                ParcelApplication.RECIPIENTS + ".dlt")) {
            send(TestEvents.unchecked(UUID.randomUUID().toString(), ParcelApplication.RECIPIENTS,
                    ParcelApplication.NAMED, "/other", id, MONDAY, "[\"not\", \"a\", \"recipient\"]"));
            send(new ProducerRecord<>(ParcelApplication.RECIPIENTS, id, "no envelope".getBytes(StandardCharsets.UTF_8)));
            send(named(id, "Bram", MONDAY));

            deadLetters.await(record -> id.equals(record.key()), WAIT);
            await().atMost(WAIT).until(() -> recipients.find(id).isPresent());
            assertThat(recipients.find(id).map(Recipient::name)).contains("Bram");
        }
    }

    /** A record on the same partition after the others: once it is in, they have been read. */
    private String marker(String key) {
        String marker = UUID.randomUUID().toString();
        send(TestEvents.cloudEvent(ParcelApplication.RECIPIENTS, ParcelApplication.NAMED, "/other", key, MONDAY,
                "{\"recipientId\":\"" + marker + "\",\"name\":\"Marker\"}"));
        return marker;
    }

    private static ProducerRecord<String, byte[]> named(String id, String name, Instant time) {
        return TestEvents.cloudEvent(ParcelApplication.RECIPIENTS, ParcelApplication.NAMED, "/other", id, time,
                "{\"recipientId\":\"" + id + "\",\"name\":\"" + name + "\"}");
    }

    private static ProducerRecord<String, byte[]> moved(String id, String city, Instant time) {
        return TestEvents.cloudEvent(ParcelApplication.RECIPIENTS, ParcelApplication.MOVED, "/other", id, time,
                "{\"recipientId\":\"" + id + "\",\"city\":\"" + city + "\"}");
    }

    private static ProducerRecord<String, byte[]> forgotten(String id, Instant time) {
        return TestEvents.cloudEvent(ParcelApplication.RECIPIENTS, ParcelApplication.FORGOTTEN, "/other", id, time,
                "{\"recipientId\":\"" + id + "\"}");
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        TestEvents.publish(record);
    }
}

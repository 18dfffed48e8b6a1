package nl.mboconnect.events;

import static nl.mboconnect.platform.testing.TestEvents.cloudEvent;
import static nl.mboconnect.platform.testing.TestEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import com.mongodb.client.MongoDatabase;

import nl.mboconnect.events.directory.GroupMemberships;
import nl.mboconnect.events.directory.MemberDirectory;
import nl.mboconnect.platform.testing.PersonalDataRegister;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestTokens;

/**
 * Keeps {@code PERSONAL-DATA.md}, the register of what events-service stores, true: the demo
 * content (events of every kind, registrations in every state with answers, attendance, breakouts,
 * waitlists, reports) plus what it does not make (a calendar feed, a breakout switch, the directory
 * and group memberships heard from membership-service); then every stored field must be in the
 * register, and every field the register names must be stored.
 */
@ServiceTest
@TestPropertySource(properties = { "mbo.demo.enabled=true", "mbo.test.database=events-personal-data" })
class PersonalDataRegisterTest {

    private static final Path REGISTER = Path.of("PERSONAL-DATA.md");
    /** Filled only by an erasure (this test does none; another test's, read from the shared topic, may fill them). */
    private static final Set<String> FILLED_BY_ERASURES = Set.of("handled_events", "erased_members");

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Test
    void everyStoredFieldIsInTheRegisterAndTheRegisterNamesOnlyStoredFields() {
        await().atMost(Duration.ofSeconds(60)).until(() -> database.getCollection("events").countDocuments() == 12);
        EventsApi api = new EventsApi(port);
        TestTokens.Builder ilse = EventsApi.member("Ilse");
        api.call(HttpMethod.GET, "/api/events/calendar/feed", ilse, null);
        String event = api.publish(EventsApi.editor(), EventsApi.event(1));
        api.register(event, ilse);
        api.register(event, EventsApi.member("Bram"));
        api.call(HttpMethod.DELETE, "/api/events/events/" + event + "/registration", ilse, null); // Bram is offered the place
        Instant now = Instant.now();
        publish(cloudEvent(MemberDirectory.TOPIC, "nl.mboconnect.membership.member.registered.v1", "/membership",
                ilse.subjectId(), now, "{\"memberId\":\"" + ilse.subjectId() + "\",\"displayName\":\"Ilse Docent\",\"registeredAt\":\"" + now + "\"}"));
        String group = UUID.randomUUID().toString();
        publish(cloudEvent(GroupMemberships.TOPIC, "nl.mboconnect.membership.group-member.joined.v1", "/membership",
                group + ":" + ilse.subjectId(), now, "{\"groupId\":\"" + group + "\",\"memberId\":\"" + ilse.subjectId()
                        + "\",\"role\":\"MEMBER\",\"at\":\"" + now + "\"}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> database.getCollection("group_memberships").countDocuments() > 0
                && database.getCollection("member_directory").countDocuments(
                        com.mongodb.client.model.Filters.eq("_id", ilse.subjectId())) > 0);

        assertThat(PersonalDataRegister.differences(REGISTER, database, FILLED_BY_ERASURES)).isEmpty();
    }
}

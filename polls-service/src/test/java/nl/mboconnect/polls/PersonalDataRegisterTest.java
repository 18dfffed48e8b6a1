package nl.mboconnect.polls;

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
import org.springframework.test.context.TestPropertySource;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.mboconnect.polls.directory.MemberDirectory;
import nl.mboconnect.platform.events.consumer.MemberErasure;
import nl.mboconnect.platform.testing.PersonalDataRegister;
import nl.mboconnect.platform.testing.ServiceTest;

/**
 * Keeps {@code PERSONAL-DATA.md} true (every stored field in it, every field in it stored), and
 * shows a member's erasure leaves nothing of them here.
 */
@ServiceTest
@TestPropertySource(properties = "mbo.test.database=polls-personal-data")
class PersonalDataRegisterTest {

    @Autowired
    MongoDatabase database;

    @Test
    void theRegisterNamesWhatIsStoredAndAnErasedMemberLeavesNothing() {
        String id = UUID.randomUUID().toString();
        String staying = UUID.randomUUID().toString();
        Instant now = Instant.now();
        registered(id, "Fatma Yilmaz", now);
        registered(staying, "Daan de Boer", now);
        await().atMost(Duration.ofSeconds(20)).until(() -> names(id) == 1 && names(staying) == 1);

        assertThat(PersonalDataRegister.differences(Path.of("PERSONAL-DATA.md"), database,
                Set.of("handled_events", "erased_members"))).isEmpty();

        publish(cloudEvent(MemberErasure.TOPIC, MemberErasure.ERASED, "/membership-service", "erased", now,
                "{\"memberId\":\"" + id + "\",\"erasedAt\":\"" + now + "\"}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> names(id) == 0);
        assertThat(names(staying)).isEqualTo(1);
        assertThat(PersonalDataRegister.differences(Path.of("PERSONAL-DATA.md"), database, Set.of())).isEmpty();
    }

    private static void registered(String id, String name, Instant at) {
        publish(cloudEvent(MemberDirectory.TOPIC, "nl.mboconnect.membership.member.registered.v1", "/membership", id,
                at, "{\"memberId\":\"" + id + "\",\"displayName\":\"" + name + "\",\"registeredAt\":\"" + at + "\"}"));
    }

    private long names(String id) {
        return database.getCollection("member_directory").countDocuments(Filters.eq("_id", id));
    }
}

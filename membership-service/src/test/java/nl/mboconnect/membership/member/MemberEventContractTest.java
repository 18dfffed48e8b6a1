package nl.mboconnect.membership.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.mboconnect.membership.member.MemberEvents.MemberProfileUpdated;
import nl.mboconnect.membership.member.MemberEvents.MemberRegistered;
import nl.mboconnect.membership.group.GroupEvents;
import nl.mboconnect.platform.events.EventType;
import nl.mboconnect.platform.events.EventsAutoConfiguration;
import nl.mboconnect.platform.testing.EventContracts;

/** Pins what membership-service publishes: every event type has a schema, and the data fits it. */
class MemberEventContractTest {

    @Test
    void everyPublishedEventTypeHasASchema() {
        assertThat(declaredEventTypes()).isNotEmpty()
                .allSatisfy(type -> assertThat(EventContracts.hasSchema(type.type()))
                        .as("schema for %s", type.type()).isTrue());
    }

    @Test
    void memberRegisteredFitsItsSchema() {
        var data = new MemberRegistered("8c7a", "Sanne de Vries", Instant.parse("2026-11-24T09:00:00Z"));

        assertThat(violations(MemberEvents.REGISTERED, data)).isEmpty();
    }

    @Test
    void memberProfileUpdatedFitsItsSchema() {
        var data = new MemberProfileUpdated("8c7a", "Sanne Jansen", Instant.parse("2026-11-24T09:00:00Z"));

        assertThat(violations(MemberEvents.PROFILE_UPDATED, data)).isEmpty();
    }

    @Test
    void theSchemaRefusesDataWithoutADisplayName() {
        var data = new MemberRegistered("8c7a", null, Instant.parse("2026-11-24T09:00:00Z"));

        assertThat(violations(MemberEvents.REGISTERED, data)).isNotEmpty();
    }

    private static <T> List<String> violations(EventType<T> type, T data) {
        return EventContracts.violations(type.type(), EventsAutoConfiguration.EVENT_JSON.writeValueAsString(data));
    }

    private static List<EventType<?>> declaredEventTypes() {
        return Stream.of(MemberEvents.class, MembershipEvents.class, PartnerMembership.class, GroupEvents.class)
                .flatMap(contract -> Arrays.stream(contract.getDeclaredFields()))
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == EventType.class)
                .map(MemberEventContractTest::value).toList();
    }

    private static EventType<?> value(Field field) {
        try {
            return (EventType<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}

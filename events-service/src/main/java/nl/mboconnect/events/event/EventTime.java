package nl.mboconnect.events.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import nl.mboconnect.platform.domain.Refusal;

/**
 * Events happen in the Netherlands: organisers write local times, which become instants here,
 * across daylight-saving changes. A local time that does not exist (the hour skipped in spring) is
 * refused rather than silently moved; an ambiguous one (the hour repeated in autumn) takes the
 * earlier, summer-time offset.
 */
public final class EventTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private EventTime() {
    }

    public static Instant toInstant(LocalDateTime local, String field) {
        if (local == null) {
            return null;
        }
        ZonedDateTime zoned = ZonedDateTime.of(local, ZONE);
        if (!zoned.toLocalDateTime().equals(local)) {
            throw Refusal.invalid(field, "nonexistent-time",
                    local + " does not exist in Europe/Amsterdam (the clocks move forward)");
        }
        return zoned.toInstant();
    }

    public static LocalDateTime toLocal(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZONE);
    }

    public static ZonedDateTime zoned(Instant instant) {
        return instant.atZone(ZONE);
    }
}

package nl.mboconnect.events.event;

import java.util.ArrayList;
import java.util.List;

import nl.mboconnect.platform.domain.Violation;

/**
 * Where an event happens. The join link of an online or hybrid event is shown to registered
 * attendees only (and to its organisers).
 */
public record Location(Mode mode, String venue, String address, String city, String region, String platform,
        String joinUrl) {

    public enum Mode {
        ONLINE, ONSITE, HYBRID
    }

    public boolean online() {
        return mode == Mode.ONLINE || mode == Mode.HYBRID;
    }

    public boolean onSite() {
        return mode == Mode.ONSITE || mode == Mode.HYBRID;
    }

    /** The place without the join link, for whoever may not see it. */
    public Location withoutJoinLink() {
        return new Location(mode, venue, address, city, region, platform, null);
    }

    /** Whether attendees would go somewhere else (or join elsewhere) than before. */
    boolean movedFrom(Location before) {
        return mode != before.mode || !same(venue, before.venue) || !same(address, before.address)
                || !same(city, before.city) || !same(joinUrl, before.joinUrl);
    }

    List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (mode == null) {
            violations.add(new Violation("location.mode", "required", "choose online, on site or hybrid"));
            return violations;
        }
        if (onSite() && blank(venue) && blank(address)) {
            violations.add(new Violation("location.address", "required", "an event on site needs a venue or an address"));
        }
        if (onSite() && blank(region)) {
            violations.add(new Violation("location.region", "required", "an event on site needs a region"));
        }
        if (online() && blank(platform)) {
            violations.add(new Violation("location.platform", "required", "an online event needs its platform"));
        }
        if (!blank(joinUrl) && !(joinUrl.startsWith("https://") || joinUrl.startsWith("http://"))) {
            violations.add(new Violation("location.joinUrl", "url", "the join link must be a web address"));
        }
        return violations;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}

package nl.mboconnect.events.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationResult;
import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventDetails;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.EventTime;
import nl.mboconnect.events.event.ProgrammeItem;

/**
 * Events as iCalendar (RFC 5545), written with ical4j: local times with the Europe/Amsterdam
 * time zone, a UID per event that never changes ({@code <event id>@mboconnect.nl}), SEQUENCE from
 * the event, and cancelled events marked CANCELLED so calendars strike them out.
 */
public final class ICalendar {

    /** One event in a calendar, with what this reader may see of it. */
    public record Entry(Event event, boolean tentative, boolean withJoinLink) {
    }

    private static final String UID_DOMAIN = "@mboconnect.nl";
    private static final VTimeZone AMSTERDAM = amsterdam();

    private final String siteUrl;

    /** @param siteUrl where the site lives, for each event's URL ({@code https://mboconnect.nl}) */
    public ICalendar(String siteUrl) {
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    public String write(String name, List<Entry> entries, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//MBO Connect//Agenda//NL"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", EventTime.ZONE.getId()));
        calendar.add(AMSTERDAM);
        for (Entry entry : entries) {
            calendar.add(event(entry, now));
        }
        ValidationResult result = calendar.validate();
        if (result.hasErrors()) {
            throw new IllegalStateException("invalid iCalendar: " + result);
        }
        return foldOctets(calendar.toString());
    }

    private VEvent event(Entry entry, Instant now) {
        Event event = entry.event();
        EventDetails details = event.details();
        VEvent vevent = new VEvent(zoned(details.schedule().start()), zoned(details.schedule().end()), details.about().title());
        vevent.replace(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
        vevent.add(new Uid(event.id() + UID_DOMAIN));
        vevent.add(new Sequence(event.sequence()));
        Organizer organizer = new Organizer(URI.create("mailto:agenda@mboconnect.nl"));
        organizer.add(new Cn(details.about().organisations().isEmpty() ? "MBO Connect" : String.join(", ", details.about().organisations())));
        vevent.add(organizer);
        vevent.add(new Description(description(event, entry.withJoinLink())));
        String place = place(details, entry.withJoinLink());
        if (!place.isEmpty()) {
            vevent.add(new Location(place));
        }
        vevent.add(new Url(URI.create(siteUrl + "/agenda/" + event.id())));
        vevent.add(event.status() == EventStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : entry.tentative() ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
        if (!details.about().themes().isEmpty()) {
            vevent.add(new Categories(new TextList(details.about().themes().toArray(String[]::new))));
        }
        if (event.timeline().updatedAt() != null) {
            vevent.add(new LastModified(event.timeline().updatedAt().truncatedTo(ChronoUnit.SECONDS)));
        }
        return vevent;
    }

    private static String description(Event event, boolean withJoinLink) {
        EventDetails details = event.details();
        StringBuilder text = new StringBuilder();
        if (event.status() == EventStatus.CANCELLED) {
            text.append("GEANNULEERD").append(event.timeline().cancelReason() == null ? "" : ": " + event.timeline().cancelReason()).append("\n\n");
        }
        if (details.about().description() != null) {
            text.append(details.about().description()).append("\n\n");
        }
        if (!details.schedule().programme().isEmpty()) {
            text.append("Programma:\n");
            for (ProgrammeItem item : details.schedule().programme()) {
                text.append(EventTime.toLocal(item.start()).toLocalTime()).append("–")
                        .append(EventTime.toLocal(item.end()).toLocalTime()).append(' ').append(item.title());
                if (item.speaker() != null) {
                    text.append(" (").append(item.speaker()).append(')');
                }
                text.append('\n');
            }
        }
        if (withJoinLink && details.location().joinUrl() != null) {
            text.append("\nDeelnemen: ").append(details.location().joinUrl()).append('\n');
        }
        return text.toString().strip();
    }

    private static String place(EventDetails details, boolean withJoinLink) {
        StringJoiner place = new StringJoiner(", ");
        var location = details.location();
        if (location.onSite()) {
            for (String part : new String[] {location.venue(), location.address(), location.city()}) {
                if (part != null) {
                    place.add(part);
                }
            }
        }
        if (location.online()) {
            place.add(withJoinLink && location.joinUrl() != null ? location.joinUrl()
                    : "Online" + (location.platform() == null ? "" : " (" + location.platform() + ")"));
        }
        return place.toString();
    }

    private static ZonedDateTime zoned(Instant instant) {
        return EventTime.zoned(instant);
    }

    /**
     * The Europe/Amsterdam VTIMEZONE with its current rules. ical4j's registry files Amsterdam under
     * its alias Europe/Brussels, so the TZID is set back to what the events say.
     */
    private static VTimeZone amsterdam() {
        VTimeZone source = TimeZoneRegistryFactory.getInstance().createRegistry()
                .getTimeZone(EventTime.ZONE.getId()).getVTimeZone();
        List<Observance> current = new ArrayList<>();
        for (Observance observance : source.getObservances()) {
            boolean ongoing = observance.<RRule<?>>getProperty(Property.RRULE)
                    .map(rule -> rule.getRecur().getUntil() == null).orElse(false);
            if (ongoing) {
                current.add((Observance) observance.copy());
            }
        }
        return new VTimeZone(new PropertyList(List.of(new TzId(EventTime.ZONE.getId()))), new ComponentList<>(current));
    }

    /** Folds lines at 75 octets as RFC 5545 says; ical4j folds at 75 characters, too long with é or €. */
    static String foldOctets(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 64 * 3 + 16);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length();) {
                int codePoint = line.codePointAt(i);
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (octets + size > 75) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}

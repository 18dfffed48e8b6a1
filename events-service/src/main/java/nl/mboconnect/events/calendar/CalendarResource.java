package nl.mboconnect.events.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.Events;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.events.registration.Registration;
import nl.mboconnect.events.registration.Registrations;
import nl.mboconnect.events.directory.GroupMemberships;
import nl.mboconnect.events.directory.GroupMemberships.GroupMembership;
import nl.mboconnect.platform.events.readmodel.ReadModel;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.events.aggregate.Loaded;
import nl.mboconnect.platform.service.MembersOnly;

/**
 * "Zet in agenda": one event as an .ics file (for whoever may see the event), and the member's
 * personal feed of the events they registered for, at a secret URL they can renew or revoke.
 */
@RestController
@RequestMapping("/api/events")
class CalendarResource {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    private static final String FEEDS = "/api/events/calendar/feeds/";

    private final Events events;
    private final Registrations registrations;
    private final CalendarFeedStore feeds;
    private final ICalendar calendar;
    private final Clock clock;
    private final ReadModel<GroupMembership> groups;

    CalendarResource(Events events, Registrations registrations, CalendarFeedStore feeds, Clock clock,
            ReadModel<GroupMembership> groups,
            @Value("${mbo.site-url:http://localhost:8080}") String siteUrl) {
        this.events = events;
        this.registrations = registrations;
        this.feeds = feeds;
        this.calendar = new ICalendar(siteUrl);
        this.clock = clock;
        this.groups = groups;
    }

    @GetMapping("/events/{id}/calendar.ics")
    ResponseEntity<byte[]> event(Viewer viewer, @PathVariable String id) {
        Loaded<Event> loaded = events.load(id).filter(found -> found.aggregate().isVisibleTo(viewer))
                .orElseThrow(() -> Refusal.notFound("event " + id));
        Event event = loaded.aggregate();
        Registration.Status status = registrations.of(loaded, viewer.memberId()).map(Registration::status).orElse(null);
        boolean joinLink = event.status() == EventStatus.PUBLISHED
                && (status != null && status.holdsPlace() || event.isManagedBy(viewer));
        String ics = calendar.write(event.details().about().title(), List.of(new ICalendar.Entry(event,
                status == Registration.Status.WAITLISTED, joinLink)), clock.instant());
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("mbo-connect-" + id + ".ics").build().toString())
                .cacheControl(CacheControl.noCache())
                .body(ics.getBytes(StandardCharsets.UTF_8));
    }

    /** Where the member's personal feed is, without the host: the site puts its own in front. */
    record FeedView(String path, Instant createdAt) {

        static FeedView of(CalendarFeedStore.Feed feed) {
            return new FeedView(FEEDS + feed.token() + ".ics", feed.createdAt());
        }
    }

    @GetMapping("/calendar/feed")
    @MembersOnly
    FeedView feed(Viewer viewer) {
        return FeedView.of(feeds.feedOf(viewer.memberId(), List.copyOf(viewer.roles()), clock.instant()));
    }

    /** A new secret URL; the old one stops working at once. */
    @PostMapping("/calendar/feed/renew")
    @MembersOnly
    FeedView renew(Viewer viewer) {
        return FeedView.of(feeds.renew(viewer.memberId(), List.copyOf(viewer.roles()), clock.instant()));
    }

    @DeleteMapping("/calendar/feed")
    @MembersOnly
    ResponseEntity<Void> revoke(Viewer viewer) {
        feeds.revoke(viewer.memberId());
        return ResponseEntity.noContent().build();
    }

    /**
     * The personal feed, fetched by calendar apps with the secret in the URL: the events the member
     * registered for (waiting: tentative), cancelled ones marked cancelled. An unknown or revoked
     * secret is a 404.
     */
    @GetMapping("/calendar/feeds/{file}")
    ResponseEntity<byte[]> personalFeed(@PathVariable String file) {
        if (!file.endsWith(".ics")) {
            throw Refusal.notFound("calendar feed");
        }
        CalendarFeedStore.Feed feed = feeds.byToken(file.substring(0, file.length() - 4))
                .orElseThrow(() -> Refusal.notFound("calendar feed"));
        Viewer member = Viewer.withGroupsFrom(feed.memberId(), Set.copyOf(feed.roles()),
                () -> GroupMemberships.groupsOf(groups, feed.memberId()));
        Instant now = clock.instant();
        List<ICalendar.Entry> entries = new ArrayList<>();
        for (Registrations.MemberRegistration registration : registrations.of(feed.memberId(),
                now.minus(90, ChronoUnit.DAYS))) {
            Event event = registration.event();
            Registration.Status status = registration.registration().status();
            if (status.active() && event.isVisibleTo(member)) {
                entries.add(new ICalendar.Entry(event, status == Registration.Status.WAITLISTED,
                        status.holdsPlace() && event.status() == EventStatus.PUBLISHED));
            }
        }
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(CacheControl.noCache())
                .body(calendar.write("MBO Connect — mijn aanmeldingen", entries, now).getBytes(StandardCharsets.UTF_8));
    }
}

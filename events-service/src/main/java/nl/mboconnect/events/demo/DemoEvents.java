package nl.mboconnect.events.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.mboconnect.events.catalog.Lifecycle;
import nl.mboconnect.events.demo.DemoContent.Member;
import nl.mboconnect.events.directory.MemberDirectory.MemberName;
import nl.mboconnect.events.event.Breakout;
import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventDetails;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.EventTime;
import nl.mboconnect.events.event.Events;
import nl.mboconnect.events.event.Question;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.events.event.Visibility;
import nl.mboconnect.events.registration.Registrations;
import nl.mboconnect.platform.events.readmodel.ReadModel;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo events of the local run ({@code mbo.demo.enabled=true}, which {@code LocalPlatform} sets;
 * off by default and in tests). Once the service is ready, and only while the {@code events}
 * collection is empty, so a restart never adds them again.
 *
 * <p>Everything goes through the features' own interfaces, as if an editor and members had used the
 * site: each event is created, published, registered for, checked in, completed or cancelled by
 * the same rules, and what that publishes reaches the services and partners through the outbox.
 * What happened before today is recorded at the time it would have happened: events are announced
 * six weeks ahead, registrations spread over the weeks until registration closed, attendees checked
 * in as they arrived.
 */
@Component
@ConditionalOnBooleanProperty("mbo.demo.enabled")
class DemoEvents {

    private static final Logger log = LoggerFactory.getLogger(DemoEvents.class);
    /** The editor who writes and manages the demo events. */
    private static final String AUTHOR = "noor";
    private static final Duration ANNOUNCED_BEFORE = Duration.ofDays(42);
    /** Not later than this before now, so even the newest event has registrations spread over days. */
    private static final Duration ANNOUNCED_AT_LATEST = Duration.ofDays(2);

    private final Events events;
    private final Lifecycle lifecycle;
    private final Registrations registrations;
    private final ReadModel<MemberName> directory;
    private final Clock clock;

    DemoEvents(Events events, Lifecycle lifecycle, Registrations registrations, ReadModel<MemberName> directory,
            Clock clock) {
        this.events = events;
        this.lifecycle = lifecycle;
        this.registrations = registrations;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The demo is a convenience: when it fails, the service runs on without it and says why. What was
     * added before the failure stays (and keeps a restart from adding more): empty the database to retry.
     */
    @EventListener(ApplicationReadyEvent.class)
    void seedWhenReady() {
        try {
            int seeded = seed(content());
            log.info(seeded == 0 ? "events stored already: no demo events added" : "{} demo events added", seeded);
        } catch (RuntimeException e) {
            log.error("the demo events could not be added", e);
        }
    }

    /** What {@code resources/demo/} holds. */
    static DemoContent content() {
        // the files write kinds, modes and statuses as the site does: kennissessie, onsite, published
        JsonMapper json = JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();
        return DemoContent.of(read(json, "accounts.json", new TypeReference<>() {
        }), read(json, "people.json", new TypeReference<>() {
        }), read(json, "events.json", new TypeReference<>() {
        }));
    }

    private static <T> T read(JsonMapper json, String file, TypeReference<T> type) {
        try (InputStream in = DemoEvents.class.getResourceAsStream("/demo/" + file)) {
            if (in == null) {
                throw new IllegalStateException("demo/" + file + " is not on the classpath");
            }
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the demo events to an empty store; returns how many it added (none when there were events). */
    int seed(DemoContent content) {
        if (!events.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, EventTime.ZONE);
        // names as membership-service would have told them, dated long ago so that any real news wins:
        // organisers find invitees and co-organisers by name, and see who their invitees are
        for (Member member : content.everyone()) {
            directory.put(new MemberName(member.id(), member.name()), Instant.EPOCH);
        }
        for (DemoEvent demo : content.events()) {
            seed(demo, content, today, now);
        }
        return content.events().size();
    }

    private void seed(DemoEvent demo, DemoContent content, LocalDate today, Instant now) {
        Viewer author = content.account(AUTHOR).viewer();
        List<Member> registrants = registrants(demo, content);
        EventDetails details = demo.details(today, invitees(demo, content, registrants));
        Instant announced = earliest(details.schedule().start().minus(ANNOUNCED_BEFORE), now.minus(ANNOUNCED_AT_LATEST));
        String id = demo.id();
        List<String> organisers = demo.organisers().stream().map(username -> content.account(username).id()).toList();
        lifecycle.create(id, details, organisers, author, announced);
        if (demo.status() == EventStatus.DRAFT) {
            return;
        }
        lifecycle.publish(id, author, announced);
        Instant closed = earliest(details.registrationCloses(), now);
        for (int i = 0; i < registrants.size(); i++) {
            register(demo, registrants.get(i), i, between(announced, closed, i + 1, registrants.size() + 1));
        }
        if (demo.status() == EventStatus.CANCELLED) {
            lifecycle.cancel(id, demo.cancelReason(), author, closed);
        } else if (demo.status() == EventStatus.COMPLETED) {
            for (int i = 0; i < demo.registrations().attended(); i++) {
                String attendee = registrants.get(i).id();
                Instant arrived = details.schedule().start().minus(Duration.ofMinutes(30)).plusSeconds(20L * i);
                registrations.recordAttendance(id, author, attendee, true, arrived);
            }
            lifecycle.complete(id, author, earliest(details.schedule().end().plus(Duration.ofHours(1)), now));
            if (demo.reportUrl() != null) {
                lifecycle.linkReport(id, demo.reportUrl(), author, earliest(details.schedule().end().plus(Duration.ofDays(2)), now));
            }
        }
    }

    private void register(DemoEvent demo, Member member, int index, Instant at) {
        Map<String, String> answers = answers(demo, index);
        Event event = events.find(demo.id()).orElseThrow();
        registrations.register(demo.id(), member.viewer(), member.name(), breakout(event, index), answers, at);
    }

    /**
     * The accounts named in the file, then fictional people from a place in the list that depends on
     * the event; a follow-up starts where its original did, so the same experts come back.
     */
    private static List<Member> registrants(DemoEvent demo, DemoContent content) {
        List<Member> registrants = new ArrayList<>();
        demo.registrations().accounts().forEach(username -> registrants.add(content.account(username)));
        List<Member> people = content.people();
        int wanted = demo.registrations().registrants();
        if (wanted - registrants.size() > people.size()) {
            throw new IllegalStateException(demo.key() + " wants more registrants than there are people");
        }
        String origin = demo.followUpOf() == null ? demo.key() : demo.followUpOf();
        int first = Math.floorMod(origin.hashCode(), people.size());
        for (int i = 0; registrants.size() < wanted; i++) {
            registrants.add(people.get((first + i) % people.size()));
        }
        return registrants;
    }

    /** Only invitees may see, and so register for, an invitation-only event: its registrants are invited too. */
    private static List<String> invitees(DemoEvent demo, DemoContent content, List<Member> registrants) {
        Set<String> invitees = new LinkedHashSet<>();
        demo.visibility().invitees().forEach(username -> invitees.add(content.account(username).id()));
        if (demo.visibility().level() == Visibility.Level.INVITED) {
            registrants.forEach(member -> invitees.add(member.id()));
        }
        return List.copyOf(invitees);
    }

    /** The sessions in turn, passing over a full one; when all are full, so is the event, and any will do. */
    private static String breakout(Event event, int index) {
        List<Breakout> sessions = event.details().attendance().breakouts();
        for (int i = 0; i < sessions.size(); i++) {
            Breakout session = sessions.get((index + i) % sessions.size());
            if (session.capacity() == null || event.occupancy().placesTaken(session.id()) < session.capacity()) {
                return session.id();
            }
        }
        return sessions.isEmpty() ? null : sessions.get(index % sessions.size()).id();
    }

    /** Options in turn; a text question answered by everyone when required, else by every third person. */
    private static Map<String, String> answers(DemoEvent demo, int index) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (DemoEvent.Ask ask : demo.questions()) {
            List<String> choices = ask.type() == Question.Type.CHOICE ? ask.options() : ask.answers();
            boolean answering = ask.type() == Question.Type.CHOICE || ask.required() || index % 3 == 0;
            if (answering && !choices.isEmpty()) {
                answers.put(ask.id(), choices.get(index % choices.size()));
            }
        }
        return answers;
    }

    /** The {@code step}-th of {@code steps} moments evenly between {@code from} and {@code to}. */
    private static Instant between(Instant from, Instant to, int step, int steps) {
        return from.plus(Duration.between(from, to).multipliedBy(step).dividedBy(steps));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

package nl.mboconnect.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import nl.mboconnect.events.event.About;
import nl.mboconnect.events.event.Attendance;
import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventDetails;
import nl.mboconnect.events.event.EventKind;
import nl.mboconnect.events.event.Events;
import nl.mboconnect.events.event.Links;
import nl.mboconnect.events.event.Location;
import nl.mboconnect.events.event.Schedule;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.events.event.Visibility;
import nl.mboconnect.events.registration.Registrations;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestTokens;

/**
 * Every endpoint of events-service against every kind of caller: who may (2xx, or a domain answer
 * such as 404/409 that shows they got past authorisation) and who may not (401, 403, or 404 where
 * the event must not even be revealed).
 */
@ServiceTest
class AuthorizationMatrixTest {

    enum Role {
        ANONYMOUS, VRIEND, LID, REDACTEUR, BEHEERDER, ORGANISER, PARTNER
    }

    private static final Map<Role, TestTokens.Builder> TOKENS = new LinkedHashMap<>();

    static {
        TOKENS.put(Role.VRIEND, TestTokens.member("sanne-" + UUID.randomUUID(), "vriend"));
        TOKENS.put(Role.LID, TestTokens.member("joris-" + UUID.randomUUID(), "vriend", "lid"));
        TOKENS.put(Role.REDACTEUR, TestTokens.member("noor-" + UUID.randomUUID(), "vriend", "redacteur"));
        TOKENS.put(Role.BEHEERDER, TestTokens.member("pieter-" + UUID.randomUUID(), "vriend", "beheerder"));
        TOKENS.put(Role.ORGANISER, TestTokens.member("olga-" + UUID.randomUUID(), "vriend"));
        TOKENS.put(Role.PARTNER, TestTokens.partner("partner-demo-roc"));
    }

    @LocalServerPort
    int port;
    @Autowired
    Events store;
    @Autowired
    Registrations rosters;
    @Autowired
    Clock clock;

    /** One row of the matrix: how to set the scene for a caller, and the call to make. */
    record Endpoint(String name, HttpMethod method, Function<TestTokens.Builder, String> uri, Object body,
            Map<Role, Integer> expected) {
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole() {
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET agenda", HttpMethod.GET, who -> "/api/events/agenda", null,
                        all(200)),
                new Endpoint("GET public event", HttpMethod.GET, who -> events(publicEvent()), null, all(200)),
                new Endpoint("GET draft", HttpMethod.GET, who -> events(draft()), null,
                        expect(404, 404, 404, 200, 200, 200, 404)),
                new Endpoint("GET events I manage", HttpMethod.GET, who -> "/api/events/manage", null,
                        expect(401, 200, 200, 200, 200, 200, 403)),
                new Endpoint("POST event", HttpMethod.POST, who -> EventsApi.EVENTS, EventsApi.event(20),
                        expect(401, 403, 403, 201, 201, 403, 403)),
                new Endpoint("PUT event", HttpMethod.PUT, who -> events(publicEvent()), withOrganiser(EventsApi.event(30)),
                        expect(401, 403, 403, 200, 200, 200, 403)),
                new Endpoint("POST publish", HttpMethod.POST, who -> events(draft()) + "/publish", null,
                        expect(401, 404, 404, 200, 200, 200, 403)),
                new Endpoint("POST cancel", HttpMethod.POST, who -> events(publicEvent()) + "/cancel",
                        Map.of("reason", "Spreker ziek"), expect(401, 403, 403, 200, 200, 200, 403)),
                new Endpoint("POST complete", HttpMethod.POST, who -> events(pastEvent(null)) + "/complete", null,
                        expect(401, 403, 403, 200, 200, 200, 403)),
                new Endpoint("PUT report", HttpMethod.PUT, who -> events(pastEvent(null)) + "/report",
                        Map.of("reportUrl", "https://mboconnect.nl/kennis/verslag"), expect(401, 403, 403, 200, 200, 200, 403)),
                new Endpoint("GET attendees", HttpMethod.GET, who -> events(publicEvent()) + "/attendees", null,
                        expect(401, 403, 403, 200, 200, 200, 403)),
                new Endpoint("GET attendees.csv", HttpMethod.GET, who -> events(publicEvent()) + "/attendees.csv", null,
                        expect(401, 403, 403, 200, 200, 200, 403)),
                new Endpoint("PUT attendance", HttpMethod.PUT, who -> {
                    TestTokens.Builder attendee = EventsApi.member("aanwezig");
                    return events(pastEvent(attendee)) + "/attendees/" + attendee.subjectId() + "/attendance";
                }, Map.of("present", true), expect(401, 403, 403, 200, 200, 200, 403)),
                new Endpoint("POST registration", HttpMethod.POST, who -> events(publicEvent()) + "/registration",
                        Map.of(), expect(401, 201, 201, 201, 201, 201, 403)),
                new Endpoint("GET my registration", HttpMethod.GET, who -> registered(who) + "/registration", null,
                        expect(401, 200, 200, 200, 200, 200, 403)),
                new Endpoint("PATCH my breakout", HttpMethod.PATCH, who -> registeredInBreakout(who) + "/registration",
                        Map.of("breakoutId", "b"), expect(401, 200, 200, 200, 200, 200, 403)),
                new Endpoint("POST accept offer", HttpMethod.POST, who -> registered(who) + "/registration/accept", null,
                        expect(401, 409, 409, 409, 409, 409, 403)),
                new Endpoint("DELETE my registration", HttpMethod.DELETE, who -> registered(who) + "/registration", null,
                        expect(401, 200, 200, 200, 200, 200, 403)),
                new Endpoint("GET my registrations", HttpMethod.GET, who -> "/api/events/registrations", null,
                        expect(401, 200, 200, 200, 200, 200, 403)),
                new Endpoint("GET event .ics", HttpMethod.GET, who -> events(publicEvent()) + "/calendar.ics", null,
                        all(200)),
                new Endpoint("GET my personal data", HttpMethod.GET, who -> "/api/events/me/personal-data", null,
                        expect(401, 200, 200, 200, 200, 200, 403)),
                new Endpoint("GET my feed", HttpMethod.GET, who -> "/api/events/calendar/feed", null,
                        expect(401, 200, 200, 200, 200, 200, 403)),
                new Endpoint("POST renew feed", HttpMethod.POST, who -> "/api/events/calendar/feed/renew", null,
                        expect(401, 200, 200, 200, 200, 200, 403)),
                new Endpoint("DELETE my feed", HttpMethod.DELETE, who -> "/api/events/calendar/feed", null,
                        expect(401, 204, 204, 204, 204, 204, 403)),
                new Endpoint("GET feed by unknown secret", HttpMethod.GET, who -> "/api/events/calendar/feeds/nope.ics",
                        null, all(404)),
                new Endpoint("GET partner feed", HttpMethod.GET, who -> "/api/events/partner/events", null,
                        expect(401, 403, 403, 403, 200, 403, 200)),
                new Endpoint("GET member directory", HttpMethod.GET, who -> "/api/events/members/" + UUID.randomUUID(), null,
                        expect(401, 404, 404, 404, 404, 404, 403)),
                new Endpoint("GET member search", HttpMethod.GET, who -> "/api/events/members?name=jan", null,
                        expect(401, 403, 403, 200, 200, 403, 403)));
        EventsApi api = new EventsApi(port);
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(endpoint.name() + " as " + role.name().toLowerCase(), () -> {
                    TestTokens.Builder who = TOKENS.get(role);
                    String uri = endpoint.uri().apply(who);
                    var request = api.http().method(endpoint.method()).uri(uri);
                    if (who != null) {
                        request.header(HttpHeaders.AUTHORIZATION, who.bearer());
                    }
                    if (endpoint.body() != null) {
                        request.contentType(MediaType.APPLICATION_JSON).body(endpoint.body());
                    }
                    int expected = endpoint.expected().get(role);
                    var result = request.exchange().returnResult(String.class);
                    assertThat(result.getStatus().value()).as("%s %s as %s: %s", endpoint.method(), uri, role,
                            result.getResponseBody()).isEqualTo(expected);
                    if (expected >= 400) {
                        assertThat(result.getResponseHeaders().getContentType())
                                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static Map<Role, Integer> all(int status) {
        return expect(status, status, status, status, status, status, status);
    }

    private static Map<Role, Integer> expect(int anonymous, int vriend, int lid, int redacteur, int beheerder,
            int organiser, int partner) {
        return Map.of(Role.ANONYMOUS, anonymous, Role.VRIEND, vriend, Role.LID, lid, Role.REDACTEUR, redacteur,
                Role.BEHEERDER, beheerder, Role.ORGANISER, organiser, Role.PARTNER, partner);
    }

    private static String events(String id) {
        return EventsApi.EVENTS + "/" + id;
    }

    private static Map<String, Object> withOrganiser(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put("organisers", List.of(TOKENS.get(Role.ORGANISER).subjectId()));
        return copy;
    }

    private String draft() {
        return new EventsApi(port).create(TOKENS.get(Role.REDACTEUR), withOrganiser(EventsApi.event(40)));
    }

    private String publicEvent() {
        return new EventsApi(port).publish(TOKENS.get(Role.REDACTEUR), withOrganiser(EventsApi.event(40)));
    }

    /** Sets the caller up as registered for a fresh event, when they are a member at all. */
    private String registered(TestTokens.Builder who) {
        String id = publicEvent();
        if (who != null && who != TOKENS.get(Role.PARTNER)) {
            new EventsApi(port).register(id, who);
        }
        return events(id);
    }

    private String registeredInBreakout(TestTokens.Builder who) {
        Map<String, Object> body = withOrganiser(EventsApi.event(40));
        body.put("breakouts", List.of(Map.of("id", "a", "title", "Sessie A", "capacity", 10),
                Map.of("id", "b", "title", "Sessie B", "capacity", 10)));
        String id = new EventsApi(port).publish(TOKENS.get(Role.REDACTEUR), body);
        if (who != null && who != TOKENS.get(Role.PARTNER)) {
            new EventsApi(port).call(HttpMethod.POST, events(id) + "/registration", who, Map.of("breakoutId", "a"));
        }
        return events(id);
    }

    /**
     * An event that started an hour ago and ended a minute ago, published before it began (written
     * through the domain with an earlier clock), with {@code attendee} registered when given.
     */
    private String pastEvent(TestTokens.Builder attendee) {
        Instant now = clock.instant();
        Instant start = now.minus(Duration.ofHours(1));
        Instant end = attendee == null ? now.minus(Duration.ofMinutes(1)) : now.plus(Duration.ofHours(1));
        Viewer editor = Viewer.member(TOKENS.get(Role.REDACTEUR).subjectId(), Set.of("vriend", "redacteur"));
        EventDetails details = new EventDetails(
                new About(EventKind.WERKBEZOEK, "Werkbezoek bedrijfsopleiding", null, List.of(), List.of(), List.of()),
                new Schedule(start, end, List.of()),
                new Location(Location.Mode.ONSITE, "Opleidingscentrum", null, "Deventer", "Oost", null, null),
                Attendance.open().withCapacity(15), Visibility.publicly(), Links.none());
        Event event = Event.draft(UUID.randomUUID().toString(), details,
                List.of(TOKENS.get(Role.ORGANISER).subjectId()), editor, start.minus(Duration.ofDays(7)))
                .publish(editor, start.minus(Duration.ofDays(7)));
        store.insert(event);
        if (attendee != null) {
            rosters.register(event.id(), Viewer.member(attendee.subjectId(), Set.of("vriend")), "Aanwezige", null,
                    Map.of(), start.minus(Duration.ofDays(1)));
        }
        return event.id();
    }
}

package nl.mboconnect.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;

import nl.mboconnect.events.EventsApi;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestTokens;

@ServiceTest
class CalendarResourceTest {

    @LocalServerPort
    int port;

    @Test
    void anEventsIcsKeepsItsUidRaisesItsSequenceAndShowsItCancelled() throws Exception {
        EventsApi api = new EventsApi(port);
        TestTokens.Builder editor = EventsApi.editor();
        Map<String, Object> body = EventsApi.event(20);
        String id = api.publish(editor, body);

        VEvent first = onlyEvent(ics(api, EventsApi.EVENTS + "/" + id + "/calendar.ics", null));
        Map<String, Object> moved = new LinkedHashMap<>(body);
        moved.put("start", LocalDateTime.parse((String) body.get("start")).plusHours(1).toString());
        moved.put("programme", List.of());
        api.call(HttpMethod.PUT, EventsApi.EVENTS + "/" + id, editor, moved);
        VEvent second = onlyEvent(ics(api, EventsApi.EVENTS + "/" + id + "/calendar.ics", null));
        api.call(HttpMethod.POST, EventsApi.EVENTS + "/" + id + "/cancel", editor, Map.of());
        VEvent third = onlyEvent(ics(api, EventsApi.EVENTS + "/" + id + "/calendar.ics", null));

        assertThat(uid(first)).isEqualTo(id + "@mboconnect.nl").isEqualTo(uid(second)).isEqualTo(uid(third));
        // the event's page on the site, at the address the gateway serves it
        assertThat(first.<Url>getProperty(Property.URL).map(Url::getValue)).hasValue("http://localhost:8080/agenda/" + id);
        assertThat(sequence(second)).isGreaterThan(sequence(first));
        assertThat(sequence(third)).isGreaterThan(sequence(second));
        assertThat(status(first)).isEqualTo("CONFIRMED");
        assertThat(status(third)).isEqualTo("CANCELLED");
        DtStart<ZonedDateTime> start = second.getRequiredProperty(Property.DTSTART);
        assertThat(start.<TzId>getParameter(Parameter.TZID).map(TzId::getValue)).hasValue("Europe/Amsterdam");
        assertThat(start.getDate().withZoneSameInstant(ZoneId.of("Europe/Amsterdam")).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse((String) moved.get("start")));
    }

    @Test
    void theJoinLinkIsInTheIcsOfRegisteredAttendeesOnly() throws Exception {
        EventsApi api = new EventsApi(port);
        String id = api.publish(EventsApi.editor(), EventsApi.event(20));
        TestTokens.Builder sanne = EventsApi.member("Sanne");

        assertThat(ics(api, EventsApi.EVENTS + "/" + id + "/calendar.ics", null)).doesNotContain("teams.example.org");
        api.register(id, sanne);
        assertThat(ics(api, EventsApi.EVENTS + "/" + id + "/calendar.ics", sanne).replace("\r\n ", ""))
                .contains("https://teams.example.org/meet/geheim-123");
    }

    @Test
    void thePersonalFeedShowsTheMembersEventsUntilItsSecretIsRenewed() throws Exception {
        EventsApi api = new EventsApi(port);
        TestTokens.Builder editor = EventsApi.editor();
        String registered = api.publish(editor, EventsApi.event(20));
        String cancelledByMember = api.publish(editor, EventsApi.event(20));
        String notRegistered = api.publish(editor, EventsApi.event(20));
        TestTokens.Builder joris = EventsApi.member("Joris");
        api.register(registered, joris);
        api.register(cancelledByMember, joris);
        api.call(HttpMethod.DELETE, EventsApi.EVENTS + "/" + cancelledByMember + "/registration", joris, null);

        String path = (String) api.call(HttpMethod.GET, "/api/events/calendar/feed", joris, null).get("path");
        assertThat(api.call(HttpMethod.GET, "/api/events/calendar/feed", joris, null).get("path")).isEqualTo(path);
        Calendar feed = new CalendarBuilder().build(new StringReader(ics(api, path, null)));
        assertThat(feed.<VEvent>getComponents(Component.VEVENT)).extracting(CalendarResourceTest::uid)
                .containsExactly(registered + "@mboconnect.nl")
                .doesNotContain(notRegistered + "@mboconnect.nl", cancelledByMember + "@mboconnect.nl");
        assertThat(feed.validate().hasErrors()).isFalse();

        String renewed = (String) api.call(HttpMethod.POST, "/api/events/calendar/feed/renew", joris, null).get("path");
        assertThat(renewed).isNotEqualTo(path);
        api.http().get().uri(path).exchange().expectStatus().isNotFound();
        api.http().get().uri(renewed).exchange().expectStatus().isOk();
        api.http().delete().uri("/api/events/calendar/feed").header(HttpHeaders.AUTHORIZATION, joris.bearer())
                .exchange().expectStatus().isNoContent();
        api.http().get().uri(renewed).exchange().expectStatus().isNotFound();
    }

    private static String ics(EventsApi api, String uri, TestTokens.Builder who) {
        var request = api.http().get().uri(uri);
        if (who != null) {
            request.header(HttpHeaders.AUTHORIZATION, who.bearer());
        }
        return request.exchange().expectStatus().isOk().expectHeader()
                .contentTypeCompatibleWith("text/calendar").returnResult(String.class).getResponseBody();
    }

    private static VEvent onlyEvent(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).isFalse();
        assertThat(ics).contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam");
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    private static String uid(VEvent event) {
        return event.getUid().map(Uid::getValue).orElseThrow();
    }

    private static int sequence(VEvent event) {
        return event.<Sequence>getProperty(Property.SEQUENCE).map(Sequence::getSequenceNo).orElse(0);
    }

    private static String status(VEvent event) {
        return event.<Status>getProperty(Property.STATUS).map(Status::getValue).orElse(null);
    }
}

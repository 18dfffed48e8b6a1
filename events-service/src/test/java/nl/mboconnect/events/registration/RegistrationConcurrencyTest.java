package nl.mboconnect.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import nl.mboconnect.events.EventsApi;
import nl.mboconnect.events.event.Events;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;

/** The last seats: capacity holds, the line keeps its order, and freed places go to the first in line. */
@ServiceTest
class RegistrationConcurrencyTest {

    private static final int PLACES = 50;
    private static final int MEMBERS = 300;
    private static final int CANCELLING = 20;

    @LocalServerPort
    int port;

    @Autowired
    Events store;
    @Autowired
    Registrations registrations;

    @Test
    void threeHundredParallelRegistrationsForFiftyPlacesConfirmFiftyAndLineUpTheRestInArrivalOrder() throws Exception {
        EventsApi api = new EventsApi(port);
        String eventId = api.publish(EventsApi.editor(), EventsApi.event(PLACES));
        List<TestTokens.Builder> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(EventsApi.member("lid" + i));
        }

        try (TopicReader topic = TopicReader.fromNow(TestInfrastructure.kafka().bootstrapServers(),
                RegistrationEvents.TOPIC)) {
            AtomicInteger busy = new AtomicInteger();
            List<Map<?, ?>> answers = inParallel(members.stream().map(member -> (Callable<Map<?, ?>>) () ->
                    api.callRetryingWhenBusy(HttpMethod.POST, EventsApi.EVENTS + "/" + eventId + "/registration",
                            member, Map.of(), busy)).toList());
            // a request never waits without end: past the wait it hears when to come back, and does
            System.out.printf("%d of %d registrations were told to come back later (503 busy) and did%n", busy.get(),
                    MEMBERS);

            assertThat(answers).filteredOn(answer -> "confirmed".equals(answer.get("status"))).hasSize(PLACES);
            List<Map<?, ?>> waiting = answers.stream().filter(answer -> "waitlisted".equals(answer.get("status")))
                    .sorted(Comparator.comparing(answer -> ((Number) answer.get("position")).intValue())).toList();
            assertThat(waiting).hasSize(MEMBERS - PLACES);
            assertThat(waiting).extracting(answer -> ((Number) answer.get("position")).intValue())
                    .containsExactlyElementsOf(range(1, MEMBERS - PLACES));

            List<Registration> byArrival = registrations.all(store.load(eventId).orElseThrow());
            Roster roster = Roster.of(byArrival);
            assertThat(byArrival).extracting(Registration::arrival).containsExactlyElementsOf(
                    range(1, MEMBERS).stream().map(Integer::longValue).toList());
            assertThat(byArrival.subList(0, PLACES)).allMatch(r -> r.status() == Registration.Status.CONFIRMED);
            assertThat(byArrival.subList(PLACES, MEMBERS)).allMatch(r -> r.status() == Registration.Status.WAITLISTED);
            assertThat(byArrival).extracting(Registration::registeredAt)
                    .as("registration times follow arrival").isSortedAccordingTo(Comparator.naturalOrder());
            assertThat(roster.waitlist()).extracting(Registration::arrival)
                    .as("the line is the order of arrival").isSorted();
            assertThat(store.find(eventId).orElseThrow().occupancy().confirmed()).isEqualTo(PLACES);

            List<ConsumerRecord<String, byte[]>> published = topic.awaitCount(r -> eventId.equals(r.key()), MEMBERS,
                    Duration.ofSeconds(30));
            assertThat(published).filteredOn(r -> TopicReader.header(r, "ce_type").equals(RegistrationEvents.CONFIRMED.type()))
                    .hasSize(PLACES);
            assertThat(published).filteredOn(r -> TopicReader.header(r, "ce_type").equals(RegistrationEvents.WAITLISTED.type()))
                    .hasSize(MEMBERS - PLACES);
        }

        // twenty confirmed members cancel at once: exactly the first twenty in line move up
        Roster before = registrations.roster(store.load(eventId).orElseThrow());
        List<String> firstInLine = before.waitlist().subList(0, CANCELLING).stream().map(Registration::memberId).toList();
        List<TestTokens.Builder> cancelling = members.stream().filter(member -> before.of(member.subjectId())
                .map(r -> r.status() == Registration.Status.CONFIRMED).orElse(false)).limit(CANCELLING).toList();

        inParallel(cancelling.stream().map(member -> (Callable<Map<?, ?>>) () ->
                api.call(HttpMethod.DELETE, EventsApi.EVENTS + "/" + eventId + "/registration", member, null)).toList());

        List<Registration> afterwards = registrations.all(store.load(eventId).orElseThrow());
        Roster after = Roster.of(afterwards);
        assertThat(store.find(eventId).orElseThrow().occupancy()).as("the stored counts are what the registrations say")
                .isEqualTo(after.occupancy());
        assertThat(after.occupancy().confirmed()).isEqualTo(PLACES);
        assertThat(after.occupancy().waitlisted()).isEqualTo(MEMBERS - PLACES - CANCELLING);
        assertThat(firstInLine).allMatch(id -> after.of(id).orElseThrow().status() == Registration.Status.CONFIRMED);
        assertThat(afterwards).filteredOn(r -> r.status() == Registration.Status.CANCELLED).hasSize(CANCELLING);
        assertThat(after.waitlist()).extracting(r -> after.positionOf(r.memberId()))
                .containsExactlyElementsOf(range(1, MEMBERS - PLACES - CANCELLING));
        Map<?, ?> mine = api.http().get().uri(EventsApi.EVENTS + "/" + eventId + "/registration")
                .header(HttpHeaders.AUTHORIZATION, members.stream()
                        .filter(m -> m.subjectId().equals(after.waitlist().get(0).memberId())).findFirst().orElseThrow()
                        .bearer())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(mine.get("position")).isEqualTo(1);
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    /** Runs every call at once (released together by a latch) and returns their results. */
    private static <T> List<T> inParallel(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            Instant released = Instant.now();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            System.out.printf("%d parallel calls answered in %d ms%n", calls.size(),
                    Duration.between(released, Instant.now()).toMillis());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

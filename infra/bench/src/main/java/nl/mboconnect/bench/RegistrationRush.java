package nl.mboconnect.bench;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Scenario 2: members rush one event of few places, all at once, through the gateway and straight
 * to events-service, at each size. Afterwards the event's counts must be exact: as many confirmed
 * as it has places, everyone else who got a 201 on the waitlist.
 */
final class RegistrationRush implements Bench.Scenario {

    static final String TITLE = "2. Registration rush on one event";
    private static final int WARM_UP = 200;

    @Override
    public Report.Section run(Bench.Target target, Bench.Sizes sizes) {
        EventsApi events = new EventsApi(target.platform().serviceUrl("events"), target.members().organiserToken());
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean exact = true;
        // a rush of a few first, through both paths and untimed: the figures are of a warm JIT, as a
        // platform that has been up a while has it
        int warmUp = Math.min(WARM_UP, target.members().tokens().size());
        for (String path : List.of("direct", "gateway")) {
            GatlingRun.run(RegistrationRushSimulation.class, new Load(baseUrl(target, path), sizes.rushConnections(), null,
                    events.published("Warm-up (" + path + ")", sizes.capacity()), target.members().tokens().subList(0, warmUp)),
                    target.results(), "rush-warm-up-" + path);
        }
        for (int size : sizes.rushes()) {
            for (String path : List.of("direct", "gateway")) {
                String baseUrl = baseUrl(target, path);
                String eventId = events.published("Drukte bij " + size + " (" + path + ")", sizes.capacity());
                CpuUse.Measured<GatlingRun.Figures> run = CpuUse.during(target.platform(),
                        () -> GatlingRun.run(RegistrationRushSimulation.class,
                                new Load(baseUrl, sizes.rushConnections(), null, eventId,
                                        target.members().tokens().subList(0, size)),
                                target.results(), "rush-" + size + "-" + path));
                GatlingRun.Figures figures = run.result();
                JsonNode event = events.event(eventId);
                int taken = event.get("placesTaken").asInt();
                int waiting = event.get("waitlist").asInt();
                boolean counts = taken == Math.min(sizes.capacity(), figures.ok()) && waiting == figures.ok() - taken;
                exact &= counts;
                // a registration is a 201; Gatling's own rate counts whole seconds, too coarse for a rush of one
                double seconds = RegistrationRushSimulation.lastRush().toNanos() / 1e9;
                double registrations = figures.ok() / seconds;
                rows.add(List.of(Integer.toString(size), path, Report.decimal(registrations),
                        Report.decimal(figures.requests() / seconds),
                        Report.whole(figures.p50()), Report.whole(figures.p99()), Long.toString(figures.ok()),
                        Long.toString(figures.ko()), taken + " + " + waiting + (counts ? " ✓" : " ✗")));
                notes.add(size + " " + path + ": CPU " + run.cpu().describe() + "; " + figures.report());
            }
        }
        notes.add(0, "Each row is a new event of " + sizes.capacity() + " places; every member registers once, all at "
                + "once (Gatling is asked for " + sizes.rushConnections() + " shared connections but opens more: "
                + "events-service sees more than its 256 at once). Errors are answers other than 201 "
                + "(503 \"busy\" when a request waited too long for the event, or no answer in time); a member "
                + "who gets one tries again after 1–3 s, up to " + RegistrationRushSimulation.ATTEMPTS
                + " times. Registrations/s: 201s divided by the rush's time, from its first member in to its last "
                + "answer (Gatling's before and after hooks); answers/s the same for every answer, retries included.");
        notes.add(1, "Before the rows, an untimed rush of " + warmUp + " on another event through each path warms "
                + "the JIT, as a platform that has been up a while has it.");
        notes.add(2, "Confirmed + waitlisted as the event counts them afterwards; ✓ when that is exactly "
                + "min(places, 201s) confirmed and the rest waiting.");
        return new Report.Section(TITLE,
                "≥ 1,000 registrations/s through the gateway; at 10,000 registrants ≥ 0.9× the rate at 100; "
                        + "counts exact at every size.",
                List.of("registrants", "path", "registrations/s", "answers/s", "p50 ms", "p99 ms", "201s", "errors",
                        "confirmed + waitlisted"),
                rows, notes, exact);
    }

    private static String baseUrl(Bench.Target target, String path) {
        return path.equals("gateway") ? target.platform().siteUrl() : target.platform().serviceUrl("events");
    }
}

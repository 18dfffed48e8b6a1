package nl.mboconnect.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scenario 1: the same anonymous, MongoDB-backed agenda read through the gateway and straight from
 * events-service. Gatling gives the throughput with many clients; a one-connection probe gives the
 * latency the gateway adds in microseconds (Gatling records whole milliseconds, too coarse for a
 * goal of 1 ms).
 */
final class GatewayVersusDirect implements Bench.Scenario {

    static final String TITLE = "1. Gateway vs direct: the agenda read";

    @Override
    public Report.Section run(Bench.Target target, Bench.Sizes sizes) {
        String gateway = target.platform().siteUrl();
        String direct = target.platform().serviceUrl("events");
        // both warm before either is measured: with only the probes to warm them, two runs of the same
        // code gave 0.62× and 0.98×, as far as the JIT had got with either path (the direct path at
        // 906/s and 976/s; warmed like this, 2,181/s)
        probe(gateway, sizes.probeRequests() / 2);
        probe(direct, sizes.probeRequests() / 2);
        read(target, sizes, direct, "agenda-direct-warm-up");
        read(target, sizes, gateway, "agenda-gateway-warm-up");
        GatlingRun.Figures viaDirect = read(target, sizes, direct, "agenda-direct");
        GatlingRun.Figures viaGateway = read(target, sizes, gateway, "agenda-gateway");
        CpuUse idle = CpuUse.idle(target.platform(), Duration.ofSeconds(5));
        CpuUse.Measured<double[]> directProbe = CpuUse.during(target.platform(), () -> probe(direct, sizes.probeRequests()));
        CpuUse.Measured<double[]> gatewayProbe = CpuUse.during(target.platform(), () -> probe(gateway, sizes.probeRequests()));
        double[] directLatency = directProbe.result();
        double[] gatewayLatency = gatewayProbe.result();
        int n = sizes.probeRequests();

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("direct (events-service)", Report.decimal(viaDirect.perSecond()), Report.whole(viaDirect.p50()),
                Report.whole(viaDirect.p99()), Report.decimal(percentile(directLatency, 50)),
                Report.decimal(percentile(directLatency, 99)), Long.toString(viaDirect.ko())));
        rows.add(List.of("through the gateway", Report.decimal(viaGateway.perSecond()), Report.whole(viaGateway.p50()),
                Report.whole(viaGateway.p99()), Report.decimal(percentile(gatewayLatency, 50)),
                Report.decimal(percentile(gatewayLatency, 99)), Long.toString(viaGateway.ko())));
        double ratio = viaGateway.perSecond() / viaDirect.perSecond();
        double addedP50 = percentile(gatewayLatency, 50) - percentile(directLatency, 50);
        double addedP99 = percentile(gatewayLatency, 99) - percentile(directLatency, 99);
        rows.add(List.of("**gateway ÷ direct; added**", "**" + Report.decimal(ratio) + "×**", "", "",
                "**+" + Report.decimal(addedP50) + "**", "**+" + Report.decimal(addedP99) + "**", ""));
        return new Report.Section(TITLE,
                "through the gateway ≥ 0.85× the direct throughput, and ≤ 1 ms added at p50.",
                List.of("path", "requests/s (" + sizes.readConnections() + " connections)", "p50 ms", "p99 ms",
                        "p50 ms, 1 connection", "p99 ms, 1 connection", "errors"),
                rows,
                List.of("`GET " + AgendaReadSimulation.AGENDA + "`, anonymous, nothing cached on either side; "
                        + sizes.readDuration().toSeconds() + " s per path with Gatling (closed model, "
                        + sizes.readConnections() + " connections), after as long on each untimed to warm the JIT.",
                        "The 1-connection columns: " + sizes.probeRequests() + " requests one after another per path, "
                                + "timed in nanoseconds by the harness, after as many to warm up.",
                        ("CPU per request in those runs (each process's own, less what it uses idle): direct, "
                                + "events-service %.2f ms; through the gateway, gateway %.2f ms and events-service %.2f ms. "
                                + "With every process on the same cores, the gateway's share is what bounds the ratio.")
                                .formatted(directProbe.cpu().perRequest("events-service", n, idle),
                                        gatewayProbe.cpu().perRequest("gateway", n, idle),
                                        gatewayProbe.cpu().perRequest("events-service", n, idle)),
                        "Gatling reports: " + viaDirect.report() + ", " + viaGateway.report()),
                viaDirect.ko() == 0 && viaGateway.ko() == 0 && viaDirect.ok() > 0 && viaGateway.ok() > 0);
    }

    private static GatlingRun.Figures read(Bench.Target target, Bench.Sizes sizes, String baseUrl, String name) {
        return GatlingRun.run(AgendaReadSimulation.class,
                new Load(baseUrl, sizes.readConnections(), sizes.readDuration(), null, List.of()), target.results(), name);
    }

    /** Milliseconds per request, one request at a time on one connection. */
    static double[] probe(String baseUrl, int requests) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + AgendaReadSimulation.AGENDA))
                .header("Accept", "application/json").build();
        double[] millis = new double[requests];
        try {
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return millis;
    }

    static double percentile(double[] values, double percent) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}

package nl.mboconnect.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.mboconnect.platform.testing.KeycloakAdmin;

/**
 * The benchmark's members, made in Keycloak (friends of the association, {@code vriend}), each with
 * their own access token from Keycloak's token endpoint; and the demo organiser Noor's token, who
 * makes the events they register for.
 */
public record Members(List<String> tokens, String organiserToken) {

    private static final String PASSWORD = "benchmark-1";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    static Members make(String keycloakUrl, int count) {
        KeycloakAdmin keycloak = new KeycloakAdmin(keycloakUrl);
        List<String> usernames = Bench.numbered("bench-", count);
        long started = System.nanoTime();
        keycloak.addMembers(usernames, PASSWORD, List.of("vriend"));
        Bench.say("%d members made in %d s; each signs in ...", count, seconds(started));
        started = System.nanoTime();
        String client = keycloak.memberClient(TOKEN_LIFETIME);
        // Keycloak signs one in per request; a few at a time keeps it busy without queueing
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<String>> tokens = usernames.stream()
                    .map(username -> pool.submit(() -> keycloak.passwordToken(client, username, PASSWORD))).toList();
            String organiser = keycloak.passwordToken(client, "noor", "mboconnect");
            Members members = new Members(tokens.stream().map(Members::get).toList(), organiser);
            Bench.say("%d tokens in %d s", count, seconds(started));
            return members;
        }
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    private static String get(Future<String> token) {
        try {
            return token.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a member could not sign in: " + e.getCause().getMessage(), e.getCause());
        }
    }
}

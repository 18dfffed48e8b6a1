package nl.mboconnect.membership.callback;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A few callback requests for the local run's beheerder to work (fictional people; the numbers
 * follow the Dutch plan but are made up): one open, one taken on with a note. Only with
 * {@code mbo.demo.enabled}, and only into an empty queue.
 */
@Component
@ConditionalOnBooleanProperty("mbo.demo.enabled")
class DemoCallbacks {

    private static final Logger log = LoggerFactory.getLogger(DemoCallbacks.class);
    private static final Callback.Handler PIETER = new Callback.Handler("6d626f63-0000-4000-8000-000000000104", "Pieter Jansen");

    private final CallbackStore store;
    private final Clock clock;

    DemoCallbacks(CallbackStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedWhenReady() {
        try {
            if (!store.queue(List.of(Callback.Status.values()), 0, 1).callbacks().isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            store.add(Callback.request(id("hanneke"), "Hanneke Visser", "06 38 21 47 90", "EINDE_MIDDAG",
                    "Ik ben praktijkopleider bij een installatiebedrijf en wil weten of ik vriend kan worden zonder "
                            + "op een school te werken.", null, now.minus(Duration.ofHours(20))));
            Callback claimed = Callback.request(id("dennis"), "Dennis Kok", "0592 71 43 06", "OCHTEND",
                    "Wij willen als school een werkbezoek organiseren voor collega's uit Drenthe. Wie kan ons helpen?",
                    null, now.minus(Duration.ofDays(2))).claimedBy(PIETER)
                    .noted(PIETER, "Gebeld, geen gehoor. Morgenochtend opnieuw proberen.", now.minus(Duration.ofDays(1)));
            store.add(claimed);
            log.info("2 demo callback requests added");
        } catch (RuntimeException e) {
            log.error("the demo callback requests could not be added", e);
        }
    }

    private static String id(String name) {
        return UUID.nameUUIDFromBytes(("demo callback " + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}

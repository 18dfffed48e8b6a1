package nl.mboconnect.membership.member;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import nl.mboconnect.platform.domain.Roles;
import nl.mboconnect.platform.events.PeriodicTask;

/**
 * Brings Keycloak in step with a decision about membership: gives the {@code lid} role after an
 * approval, takes it after an end. Tried at once after the decision, and again by a periodic sweep
 * of every decision still waiting (Keycloak away, or the service stopped in between) until Keycloak
 * has done it; only then is the membership settled and {@code granted} or {@code ended} published.
 */
@Component
class RoleSync {

    private static final Logger log = LoggerFactory.getLogger(RoleSync.class);
    private static final List<Membership.Status> WAITING = List.of(Membership.Status.GRANTING,
            Membership.Status.ENDING);

    private final MemberStore store;
    private final KeycloakRoles keycloak;
    private final Clock clock;
    private final Counter failures;

    RoleSync(MemberStore store, KeycloakRoles keycloak, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.keycloak = keycloak;
        this.clock = clock;
        this.failures = Counter.builder("mbo.membership.role-sync.failures")
                .description("Attempts to give or take the lid role that Keycloak did not carry out (retried)")
                .register(meters);
    }

    /** Carries out what waits for Keycloak for one member; the member as it then is. */
    Member sync(Member member) {
        Membership.Status status = member.membership().status();
        if (!status.awaitsKeycloak()) {
            return member;
        }
        try {
            if (status == Membership.Status.GRANTING) {
                keycloak.give(member.id(), Roles.LID);
            } else {
                keycloak.take(member.id(), Roles.LID);
            }
            log.info("member {}: lid role {} in Keycloak", member.id(), status == Membership.Status.GRANTING ? "given" : "taken away");
            return store.changeMembership(member.id(), membership -> membership.synced(clock.instant()).orElse(membership),
                    clock.instant());
        } catch (KeycloakRoles.AccountGone gone) {
            log.warn("member {}: {}; the decision lapses", member.id(), gone.getMessage());
            return store.changeMembership(member.id(), membership -> status == Membership.Status.GRANTING
                    ? membership.notGranted("account-gone", clock.instant()).orElse(membership)
                    : membership.synced(clock.instant()).orElse(membership), clock.instant());
        } catch (KeycloakRoles.Unavailable away) {
            failures.increment();
            log.warn("member {}: Keycloak did not take over the decision yet, tried again later: {}", member.id(),
                    away.getMessage());
            return member;
        }
    }

    /** Every decision still waiting for Keycloak, oldest first; stops at the first Keycloak does not take. */
    void sweep() {
        for (Member waiting : store.withStatus(WAITING, 100)) {
            if (sync(waiting).membership().status().awaitsKeycloak()) {
                return; // Keycloak is away: the next sweep tries again
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        PeriodicTask roleSyncSweep(RoleSync sync, @Value("${mbo.membership.role-sync-interval:10s}") Duration interval) {
            return PeriodicTask.onItsOwnThread("role sync", interval, sync::sweep);
        }
    }
}

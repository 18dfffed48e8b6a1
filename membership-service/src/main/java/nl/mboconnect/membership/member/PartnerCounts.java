package nl.mboconnect.membership.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import nl.mboconnect.platform.events.PeriodicTask;
import nl.mboconnect.platform.events.aggregate.AggregateStore;
import nl.mboconnect.platform.events.aggregate.Aggregates;
import nl.mboconnect.platform.events.aggregate.Change;
import nl.mboconnect.platform.events.aggregate.OutgoingEvent;
import nl.mboconnect.platform.events.aggregate.StoredAggregate;

/**
 * Keeps {@code partner.membership.v1} up to date: every few seconds
 * ({@code mbo.membership.partner-counts-interval}, 10 s) it looks whether any member changed since
 * the last count (how many there are, and the latest change), counts again if so, and publishes the counts when they differ from the last ones
 * (a profile edit that moves nobody between provinces publishes nothing). The counts are kept in
 * {@code membership_counts} with their pending snapshot, so a count and its event are one write.
 */
@Component
class PartnerCounts {

    private static final Logger log = LoggerFactory.getLogger(PartnerCounts.class);

    private final MemberStore members;
    private final AggregateStore<CountsDocument> counts;
    private final Clock clock;

    PartnerCounts(MemberStore members, Aggregates aggregates, Clock clock) {
        this.members = members;
        this.counts = aggregates.store("membership_counts", CountsDocument.class, "membership counts");
        this.clock = clock;
    }

    /** Counts again when a member changed since the last count; whether new counts were published. */
    boolean recount() {
        MemberStore.Fingerprint lastChange = members.fingerprint();
        CountsDocument stored = counts.find(PartnerMembership.KEY).orElse(null);
        if (stored != null && lastChange.equals(stored.membersSeen())) {
            return false;
        }
        MembershipCounts now = MembershipCounts.of(members.all());
        Instant at = clock.instant();
        if (stored == null) {
            CountsDocument first = new CountsDocument(PartnerMembership.KEY, now, lastChange, at, 0);
            if (counts.insert(first, OutgoingEvent.snapshot(PartnerMembership.COUNTS,
                    PartnerMembership.Counts.of(now, 0, at)))) {
                return true;
            }
        }
        return counts.update(PartnerMembership.KEY, loaded -> {
            CountsDocument before = loaded.aggregate();
            if (before.counts().equals(now)) { // nobody moved: remember how far we looked, publish nothing
                return Change.to(before.seenUntil(lastChange), false);
            }
            CountsDocument after = new CountsDocument(before.id(), now, lastChange, at, before.version());
            log.info("membership counts changed: {} vrienden, {} leden", now.total().vrienden(), now.total().leden());
            return Change.to(after, true, OutgoingEvent.snapshot(PartnerMembership.COUNTS,
                    PartnerMembership.Counts.of(now, before.version() + 1, at)));
        });
    }

    /** The stored counts; public for the driver's record codec. */
    public record CountsDocument(@BsonId String id, MembershipCounts counts, MemberStore.Fingerprint membersSeen,
            Instant countedAt, long version) implements StoredAggregate {

        CountsDocument seenUntil(MemberStore.Fingerprint lastChange) {
            return new CountsDocument(id, counts, lastChange, countedAt, version);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        PeriodicTask partnerCountsSchedule(PartnerCounts partnerCounts,
                @Value("${mbo.membership.partner-counts-interval:10s}") Duration interval) {
            return PeriodicTask.onItsOwnThread("partner counts", interval, partnerCounts::recount);
        }
    }
}

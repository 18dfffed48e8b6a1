package nl.mboconnect.membership.member;

import java.time.Instant;
import java.util.List;

import nl.mboconnect.platform.events.EventType;

/**
 * What regional partners may read about the membership, on {@value #TOPIC}: the counts of friends
 * and members of the association, in all, per province and per function, as a snapshot after every
 * change (one key, {@value #KEY}: the newest record is the truth). No personal data.
 */
public final class PartnerMembership {

    public static final String TOPIC = "partner.membership.v1";
    public static final String KEY = "nl";

    public static final EventType<Counts> COUNTS = EventType.of(TOPIC,
            "nl.mboconnect.membership.membership-counts.changed.v1", Counts.class);

    private PartnerMembership() {
    }

    /** @param revision rises with every change of the counts: the snapshot with the highest is the newest */
    public record Counts(long revision, Instant countedAt, long vrienden, long leden,
            List<MembershipCounts.RegionTally> regions, List<MembershipCounts.FunctionTally> functions) {

        static Counts of(MembershipCounts counts, long revision, Instant at) {
            return new Counts(revision, at, counts.total().vrienden(), counts.total().leden(), counts.regions(),
                    counts.functions());
        }
    }
}

package nl.mboconnect.membership.member;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many friends ({@code vriend}) and members of the association ({@code lid}) there are, in all,
 * per province and per function: what regional partners may know of the membership. Counts only,
 * never who. A province or function a member shows to nobody but themselves is counted as
 * {@code ONBEKEND}, as is one they did not fill in: a count never reveals what a member hid.
 * {@code ENDING} (an end Keycloak has still to carry out) counts as lid, {@code APPLIED} and
 * {@code GRANTING} as vriend, until Keycloak agrees.
 */
public record MembershipCounts(Tally total, List<RegionTally> regions, List<FunctionTally> functions) {

    public static final String UNKNOWN = "ONBEKEND";

    public record Tally(long vrienden, long leden) {

        Tally plus(boolean lid) {
            return lid ? new Tally(vrienden, leden + 1) : new Tally(vrienden + 1, leden);
        }
    }

    public record RegionTally(String region, long vrienden, long leden) {
    }

    public record FunctionTally(String function, long vrienden, long leden) {
    }

    /** Every province and every function is listed, with zeros where there is nobody, then ONBEKEND. */
    public static MembershipCounts of(Collection<Member> members) {
        Tally total = new Tally(0, 0);
        Map<Province, Tally> regions = new EnumMap<>(Province.class);
        Map<MemberFunction, Tally> functions = new EnumMap<>(MemberFunction.class);
        Tally unknownRegion = new Tally(0, 0);
        Tally unknownFunction = new Tally(0, 0);
        for (Member member : members) {
            Membership.Status status = member.membership().status();
            boolean lid = status == Membership.Status.LID || status == Membership.Status.ENDING;
            total = total.plus(lid);
            Province region = member.visibility().region() == Visibility.Shown.ONLY_ME ? null : member.details().region();
            MemberFunction function = member.visibility().function() == Visibility.Shown.ONLY_ME ? null
                    : member.details().function();
            if (region == null) {
                unknownRegion = unknownRegion.plus(lid);
            } else {
                regions.put(region, regions.getOrDefault(region, new Tally(0, 0)).plus(lid));
            }
            if (function == null) {
                unknownFunction = unknownFunction.plus(lid);
            } else {
                functions.put(function, functions.getOrDefault(function, new Tally(0, 0)).plus(lid));
            }
        }
        List<RegionTally> byRegion = new ArrayList<>();
        for (Province province : Province.values()) {
            Tally tally = regions.getOrDefault(province, new Tally(0, 0));
            byRegion.add(new RegionTally(province.name(), tally.vrienden(), tally.leden()));
        }
        byRegion.add(new RegionTally(UNKNOWN, unknownRegion.vrienden(), unknownRegion.leden()));
        List<FunctionTally> byFunction = new ArrayList<>();
        for (MemberFunction kind : MemberFunction.values()) {
            Tally tally = functions.getOrDefault(kind, new Tally(0, 0));
            byFunction.add(new FunctionTally(kind.name(), tally.vrienden(), tally.leden()));
        }
        byFunction.add(new FunctionTally(UNKNOWN, unknownFunction.vrienden(), unknownFunction.leden()));
        return new MembershipCounts(total, List.copyOf(byRegion), List.copyOf(byFunction));
    }
}

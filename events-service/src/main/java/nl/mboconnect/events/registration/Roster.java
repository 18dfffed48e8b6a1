package nl.mboconnect.events.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.Occupancy;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.Violation;

/**
 * Who registered for an event, in arrival order, and what members do with their registration:
 * register, cancel, switch session, take an offered place. The rules live beside it, one concern
 * each: {@link Admission} (who may, and when), {@link Answers} (the event's own questions),
 * {@link Places} (capacity never exceeded; the waitlist first come first served, confirmed at once or
 * offered as the event's policy says) and {@link CheckIn} (who was there).
 *
 * <p>A roster is the event's counts (its {@link Occupancy} and how many ever arrived) and its
 * registrations as stored, read through a {@link Lineup} only as far as an operation needs: a
 * registration costs the same whether ten or ten thousand came before. Every operation returns a
 * {@link Change}: the roster after it, with the registrations it changed, and what happened, in
 * order, for the events the store publishes. The counts follow every registration that changes,
 * so they are what the registrations say. The roster never changes in place.
 */
public final class Roster {

    private final Occupancy occupancy;
    private final long arrivals;
    private final Lineup lineup;
    /** The registrations changed since the lineup was read, by member, in the order they changed. */
    private final Map<String, Registration> changed;

    Roster(Occupancy occupancy, long arrivals, Lineup lineup) {
        this(occupancy, arrivals, lineup, Map.of());
    }

    private Roster(Occupancy occupancy, long arrivals, Lineup lineup, Map<String, Registration> changed) {
        this.occupancy = occupancy;
        this.arrivals = arrivals;
        this.lineup = lineup;
        this.changed = changed;
    }

    public static Roster empty() {
        return of(List.of());
    }

    /** A roster of these registrations alone, counted from them (as the demo and tests check the stored counts). */
    public static Roster of(List<Registration> registrations) {
        Occupancy counted = Occupancy.EMPTY;
        long arrivals = 0;
        for (Registration registration : registrations) {
            counted = counted(counted, null, registration);
            arrivals = Math.max(arrivals, registration.arrival());
        }
        return new Roster(counted, arrivals, Lineup.of(registrations));
    }

    /** What happened to whom, for the events published about it. */
    public sealed interface Happened {
        Registration registration();
    }

    public record Confirmed(Registration registration) implements Happened {
    }

    public record Waitlisted(Registration registration, int position) implements Happened {
    }

    /** A member from the waitlist got a place: confirmed, or offered until {@code offerExpiresAt}. */
    public record Promoted(Registration registration, boolean offer) implements Happened {
    }

    public record Cancelled(Registration registration, boolean heldPlace) implements Happened {
    }

    /** The member's account was deleted: their registration cancelled, unannounced. */
    public record Erased(Registration registration) implements Happened {
    }

    public record OfferLapsed(Registration registration) implements Happened {
    }

    public record BreakoutSwitched(Registration registration, String from) implements Happened {
    }

    public record AttendanceRecorded(Registration registration, boolean present) implements Happened {
    }

    public record Change(Roster roster, List<Happened> happened) {

        public Change {
            happened = List.copyOf(happened);
        }

        public boolean changed() {
            return !happened.isEmpty();
        }
    }

    public Occupancy occupancy() {
        return occupancy;
    }

    /** How many registrations ever arrived: the next one is number {@code arrivals + 1}. */
    public long arrivals() {
        return arrivals;
    }

    public Optional<Registration> of(String memberId) {
        Registration mine = changed.get(memberId);
        return mine != null ? Optional.of(mine) : lineup.of(memberId);
    }

    /** The registrations this roster changed since it was read, in the order they changed. */
    List<Registration> changed() {
        return List.copyOf(changed.values());
    }

    /** 1 for the first in line; 0 when the member is not waiting. */
    public int positionOf(String memberId) {
        Registration mine = of(memberId).orElse(null);
        if (mine == null || mine.status() != Registration.Status.WAITLISTED) {
            return 0;
        }
        int ahead = lineup.waitingAhead(mine.arrival());
        for (Registration now : changed.values()) {
            if (now.arrival() >= mine.arrival()) {
                continue;
            }
            boolean waitedAsRead = lineup.of(now.memberId()).map(r -> r.status() == Registration.Status.WAITLISTED)
                    .orElse(false);
            boolean waits = now.status() == Registration.Status.WAITLISTED;
            ahead += (waits ? 1 : 0) - (waitedAsRead ? 1 : 0);
        }
        return ahead + 1;
    }

    /** The waitlist in arrival order, with this roster's changes, read as far as the caller goes. */
    Iterable<Registration> waitingInLine() {
        // the line as stored, each as changed here, merged by arrival with those who joined it here
        List<Registration> joined = changed.values().stream()
                .filter(now -> now.status() == Registration.Status.WAITLISTED && !lineup.of(now.memberId())
                        .map(r -> r.status() == Registration.Status.WAITLISTED).orElse(false))
                .sorted(Comparator.comparingLong(Registration::arrival)).toList();
        return () -> new Iterator<>() {
            private final Iterator<Registration> stored = lineup.waitlist().iterator();
            private Registration nextStored = advance();
            private int nextJoined;

            private Registration advance() {
                while (stored.hasNext()) {
                    Registration candidate = stored.next();
                    Registration current = changed.getOrDefault(candidate.memberId(), candidate);
                    if (current.status() == Registration.Status.WAITLISTED) {
                        return current;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return nextStored != null || nextJoined < joined.size();
            }

            @Override
            public Registration next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (nextStored == null
                        || nextJoined < joined.size() && joined.get(nextJoined).arrival() < nextStored.arrival()) {
                    return joined.get(nextJoined++);
                }
                Registration current = nextStored;
                nextStored = advance();
                return current;
            }
        };
    }

    /** The whole waitlist in arrival order (reads all of it). */
    public List<Registration> waitlist() {
        List<Registration> line = new ArrayList<>();
        waitingInLine().forEach(line::add);
        return line;
    }

    /**
     * The earliest moment an open offer lapses, for the task that passes lapsed offers on; {@code
     * stored} as the event had it when no offer was made, taken or lapsed here.
     */
    Instant nextOfferExpiry(Instant stored) {
        boolean offersChanged = changed.values().stream().anyMatch(now -> now.status() == Registration.Status.OFFERED
                || lineup.of(now.memberId()).map(r -> r.status() == Registration.Status.OFFERED).orElse(false));
        if (!offersChanged) {
            return stored;
        }
        Instant first = lineup.firstOfferExpiryExcept(changed.keySet()).orElse(null);
        for (Registration now : changed.values()) {
            if (now.status() == Registration.Status.OFFERED && (first == null || now.offerExpiresAt().isBefore(first))) {
                first = now.offerExpiresAt();
            }
        }
        return first;
    }

    /** The roster with one registration new or changed, its counts moved with it. */
    Roster with(Registration registration) {
        Registration before = of(registration.memberId()).orElse(null);
        Map<String, Registration> more = new LinkedHashMap<>(changed);
        more.remove(registration.memberId());
        more.put(registration.memberId(), registration);
        return new Roster(counted(occupancy, before, registration), Math.max(arrivals, registration.arrival()), lineup,
                more);
    }

    /** The counts with {@code before} taken out and {@code after} put in (either may be null). */
    private static Occupancy counted(Occupancy occupancy, Registration before, Registration after) {
        int[] counts = {occupancy.confirmed(), occupancy.offered(), occupancy.waitlisted()};
        Map<String, Integer> breakouts = new HashMap<>(occupancy.breakouts());
        Map<String, Integer> waitingFor = new HashMap<>(occupancy.waitingFor());
        count(before, -1, counts, breakouts, waitingFor);
        count(after, 1, counts, breakouts, waitingFor);
        return new Occupancy(counts[0], counts[1], counts[2], breakouts, waitingFor);
    }

    private static void count(Registration registration, int by, int[] counts, Map<String, Integer> breakouts,
            Map<String, Integer> waitingFor) {
        if (registration == null || !registration.status().active()) {
            return;
        }
        counts[switch (registration.status()) {
            case CONFIRMED -> 0;
            case OFFERED -> 1;
            default -> 2;
        }] += by;
        if (registration.breakoutId() != null) {
            (registration.status().holdsPlace() ? breakouts : waitingFor).merge(registration.breakoutId(), by,
                    (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /**
     * Registers the member: confirmed when the event and the chosen breakout have a place; on the
     * waitlist when the event is full, or when only their breakout is (they wait for that one, and
     * move up as soon as a place in it frees, ahead of later arrivals).
     */
    public Change register(Event event, Viewer member, String displayName, String breakoutId,
            Map<String, String> answers, Instant now) {
        Admission.requireAdmitted(event, member, now);
        Optional<Registration> existing = of(member.memberId()).filter(registration -> registration.status().active());
        if (existing.isPresent()) {
            throw Refusal.conflict("already-registered", "you are registered for this event already");
        }
        Answers checked = Answers.check(event, answers);
        List<Violation> violations = new ArrayList<>(Admission.breakoutViolations(event, breakoutId));
        violations.addAll(checked.violations());
        Refusal.requireNone(violations);
        boolean full = !Places.free(event, occupancy, breakoutId);
        long arrival = arrivals + 1;
        Registration.Status status = full ? Registration.Status.WAITLISTED : Registration.Status.CONFIRMED;
        Registration registration = new Registration(member.memberId(), displayName, status, breakoutId, checked.answers(),
                arrival, now, now, null, null);
        Roster after = with(registration);
        // the newest arrival is last in line: everyone waiting is ahead of them
        Happened happened = full ? new Waitlisted(registration, after.occupancy.waitlisted())
                : new Confirmed(registration);
        return new Change(after, List.of(happened));
    }

    /** The member cancels; a place they held goes to the next in line who fits it. */
    public Change cancel(Event event, Viewer member, Instant now) {
        Admission.requireVisible(event, member);
        Registration registration = active(member.memberId());
        Admission.requireOpenForChanges(event, now);
        Registration cancelled = registration.with(Registration.Status.CANCELLED, now, null);
        Roster after = with(cancelled);
        List<Happened> happened = new ArrayList<>();
        happened.add(new Cancelled(cancelled, registration.status().holdsPlace()));
        return Places.fill(after, event, now, happened);
    }

    /**
     * The member deleted their account: a place they held in an event still to come goes to the
     * next in line, as at a cancellation, but unannounced (the announcement would name them after
     * their erasure). A registration for an event that started, or takes no changes, stays.
     */
    public Change leave(Event event, String memberId, Instant now) {
        Registration registration = of(memberId).filter(mine -> mine.status().active()).orElse(null);
        if (registration == null || event.status() != nl.mboconnect.events.event.EventStatus.PUBLISHED
                || event.hasStarted(now)) {
            return new Change(this, List.of());
        }
        Registration cancelled = registration.with(Registration.Status.CANCELLED, now, null);
        List<Happened> happened = new ArrayList<>();
        happened.add(new Erased(cancelled));
        return Places.fill(with(cancelled), event, now, happened);
    }

    /** Moves the member to another breakout session while it has places (or changes their wish while waiting). */
    public Change switchBreakout(Event event, Viewer member, String breakoutId, Instant now) {
        Admission.requireVisible(event, member);
        Registration registration = active(member.memberId());
        Admission.requireOpenForChanges(event, now);
        Refusal.requireNone(Admission.breakoutViolations(event, breakoutId));
        if (breakoutId.equals(registration.breakoutId())) {
            return new Change(this, List.of());
        }
        if (registration.status().holdsPlace() && !Places.inSession(event, occupancy, breakoutId)) {
            throw Refusal.conflict("breakout-full", "this breakout session is full; choose another");
        }
        Registration moved = registration.inBreakout(breakoutId, now);
        Roster after = with(moved);
        List<Happened> happened = new ArrayList<>();
        happened.add(new BreakoutSwitched(moved, registration.breakoutId()));
        return Places.fill(after, event, now, happened);
    }

    /** The member takes the place offered to them, before the offer lapses. */
    public Change acceptOffer(Event event, Viewer member, Instant now) {
        Admission.requireVisible(event, member);
        if (of(member.memberId()).map(Registration::status).orElse(null) == Registration.Status.LAPSED) {
            throw Refusal.conflict("offer-lapsed", "the offer has lapsed and went to the next in line");
        }
        Registration registration = active(member.memberId());
        Admission.requireOpenForChanges(event, now);
        if (registration.status() != Registration.Status.OFFERED) {
            throw Refusal.conflict("no-offer", "there is no place on offer for you");
        }
        if (!now.isBefore(registration.offerExpiresAt())) {
            throw Refusal.conflict("offer-lapsed", "the offer has lapsed");
        }
        Registration confirmed = registration.with(Registration.Status.CONFIRMED, now, null);
        return new Change(with(confirmed), List.of(new Confirmed(confirmed)));
    }

    /** Offers whose time is up lapse, and their places go on to the next in line. */
    public Change expireOffers(Event event, Instant now) {
        List<Happened> happened = new ArrayList<>();
        Roster after = this;
        Map<String, Registration> candidates = new LinkedHashMap<>();
        lineup.offersLapsedBy(now).forEach(registration -> candidates.put(registration.memberId(), registration));
        changed.values().forEach(registration -> candidates.put(registration.memberId(), registration));
        for (Registration candidate : candidates.values().stream().sorted(Comparator.comparingLong(Registration::arrival))
                .toList()) {
            Registration current = changed.getOrDefault(candidate.memberId(), candidate);
            if (current.status() == Registration.Status.OFFERED && !now.isBefore(current.offerExpiresAt())) {
                Registration lapsed = current.with(Registration.Status.LAPSED, now, null);
                happened.add(new OfferLapsed(lapsed));
                after = after.with(lapsed);
            }
        }
        return Places.fill(after, event, now, happened);
    }

    /** Gives free places to the waitlist (after capacity was raised, say); a no-op when nothing fits. */
    public Change fill(Event event, Instant now) {
        return Places.fill(this, event, now, new ArrayList<>());
    }

    /** An organiser records that a confirmed attendee was there (or corrects that they were not). */
    public Change recordAttendance(Event event, Viewer organiser, String memberId, boolean present, Instant now) {
        Registration registration = of(memberId).filter(r -> r.status() == Registration.Status.CONFIRMED)
                .orElseThrow(() -> Refusal.notFound("confirmed registration of " + memberId));
        Registration recorded = CheckIn.record(event, organiser, registration, present, now);
        if (recorded == registration) {
            return new Change(this, List.of());
        }
        return new Change(with(recorded), List.of(new AttendanceRecorded(recorded, present)));
    }

    private Registration active(String memberId) {
        return of(memberId).filter(registration -> registration.status().active())
                .orElseThrow(() -> Refusal.notFound("your registration for this event"));
    }

}

package nl.mboconnect.events.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Every operation returns a {@link Change}: the roster after it and what happened, in order,
 * for the events the store publishes. The roster never changes in place.
 */
public record Roster(List<Registration> registrations, long arrivals) {

    public Roster {
        registrations = registrations == null ? List.of() : List.copyOf(registrations);
    }

    public static Roster empty() {
        return new Roster(List.of(), 0);
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

    public Optional<Registration> of(String memberId) {
        return registrations.stream().filter(registration -> registration.memberId().equals(memberId)).findFirst();
    }

    /** Members still registered: attending, holding an offer or waiting. */
    public List<String> activeMembers() {
        return registrations.stream().filter(registration -> registration.status().active())
                .map(Registration::memberId).toList();
    }

    /** 1 for the first in line; 0 when the member is not waiting. */
    public int positionOf(String memberId) {
        List<Registration> line = waitlist();
        for (int i = 0; i < line.size(); i++) {
            if (line.get(i).memberId().equals(memberId)) {
                return i + 1;
            }
        }
        return 0;
    }

    public List<Registration> waitlist() {
        return registrations.stream().filter(registration -> registration.status() == Registration.Status.WAITLISTED)
                .sorted(Comparator.comparingLong(Registration::arrival)).toList();
    }

    public Occupancy occupancy() {
        int confirmed = 0;
        int offered = 0;
        int waitlisted = 0;
        Map<String, Integer> breakouts = new HashMap<>();
        Map<String, Integer> waitingFor = new HashMap<>();
        for (Registration registration : registrations) {
            switch (registration.status()) {
                case CONFIRMED -> confirmed++;
                case OFFERED -> offered++;
                case WAITLISTED -> waitlisted++;
                default -> {
                    continue;
                }
            }
            if (registration.breakoutId() != null) {
                (registration.status().holdsPlace() ? breakouts : waitingFor)
                        .merge(registration.breakoutId(), 1, Integer::sum);
            }
        }
        return new Occupancy(confirmed, offered, waitlisted, breakouts, waitingFor);
    }

    /** The earliest moment an open offer lapses, for the task that passes lapsed offers on. */
    public Instant nextOfferExpiry() {
        return registrations.stream().filter(registration -> registration.status() == Registration.Status.OFFERED)
                .map(Registration::offerExpiresAt).min(Comparator.naturalOrder()).orElse(null);
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
        boolean full = !Places.free(event, occupancy(), breakoutId);
        long arrival = arrivals + 1;
        Registration.Status status = full ? Registration.Status.WAITLISTED : Registration.Status.CONFIRMED;
        Registration registration = new Registration(member.memberId(), displayName, status, breakoutId, checked.answers(),
                arrival, now, now, null, null);
        Roster after = new Roster(replace(member.memberId(), registration), arrival);
        Happened happened = full ? new Waitlisted(registration, after.positionOf(member.memberId()))
                : new Confirmed(registration);
        return new Change(after, List.of(happened));
    }

    /** The member cancels; a place they held goes to the next in line who fits it. */
    public Change cancel(Event event, Viewer member, Instant now) {
        Admission.requireVisible(event, member);
        Registration registration = active(member.memberId());
        Admission.requireOpenForChanges(event, now);
        Registration cancelled = registration.with(Registration.Status.CANCELLED, now, null);
        Roster after = new Roster(replace(member.memberId(), cancelled), arrivals);
        List<Happened> happened = new ArrayList<>();
        happened.add(new Cancelled(cancelled, registration.status().holdsPlace()));
        return Places.fill(after, event, now, happened);
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
        if (registration.status().holdsPlace() && !Places.inSession(event, occupancy(), breakoutId)) {
            throw Refusal.conflict("breakout-full", "this breakout session is full; choose another");
        }
        Registration moved = registration.inBreakout(breakoutId, now);
        Roster after = new Roster(replace(member.memberId(), moved), arrivals);
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
        return new Change(new Roster(replace(member.memberId(), confirmed), arrivals), List.of(new Confirmed(confirmed)));
    }

    /** Offers whose time is up lapse, and their places go on to the next in line. */
    public Change expireOffers(Event event, Instant now) {
        List<Happened> happened = new ArrayList<>();
        List<Registration> updated = new ArrayList<>(registrations.size());
        for (Registration registration : registrations) {
            if (registration.status() == Registration.Status.OFFERED && !now.isBefore(registration.offerExpiresAt())) {
                Registration lapsed = registration.with(Registration.Status.LAPSED, now, null);
                happened.add(new OfferLapsed(lapsed));
                updated.add(lapsed);
            } else {
                updated.add(registration);
            }
        }
        return Places.fill(new Roster(updated, arrivals), event, now, happened);
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
        return new Change(new Roster(replace(memberId, recorded), arrivals),
                List.of(new AttendanceRecorded(recorded, present)));
    }

    private Registration active(String memberId) {
        return of(memberId).filter(registration -> registration.status().active())
                .orElseThrow(() -> Refusal.notFound("your registration for this event"));
    }

    private List<Registration> replace(String memberId, Registration registration) {
        List<Registration> updated = new ArrayList<>(registrations.size() + 1);
        boolean replaced = false;
        for (Registration existing : registrations) {
            if (existing.memberId().equals(memberId)) {
                updated.add(registration);
                replaced = true;
            } else {
                updated.add(existing);
            }
        }
        if (!replaced) {
            updated.add(registration);
        }
        return updated;
    }
}

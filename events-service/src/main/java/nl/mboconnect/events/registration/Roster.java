package nl.mboconnect.events.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.mboconnect.events.event.Breakout;
import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.EventProblem;
import nl.mboconnect.events.event.EventStatus;
import nl.mboconnect.events.event.Occupancy;
import nl.mboconnect.events.event.Question;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.events.event.Violation;
import nl.mboconnect.events.event.WaitlistPolicy;

/**
 * Who registered for an event, in arrival order, and the rules for places: capacity of the event
 * and of each breakout is never exceeded; when the event is full members wait in line, first come
 * first served; a freed place goes to the first in line who fits it, confirmed at once or offered
 * for a while, as the event's {@link WaitlistPolicy} says.
 *
 * <p>Every operation returns a {@link Change}: the roster after it and what happened, in order,
 * for the events the store publishes. The roster never changes in place.
 */
public record Roster(List<Registration> registrations, long arrivals) {

    /** Organisers may check attendees in from this long before the start. */
    static final Duration CHECK_IN_OPENS_BEFORE_START = Duration.ofHours(1);

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
        for (Registration registration : registrations) {
            switch (registration.status()) {
                case CONFIRMED -> confirmed++;
                case OFFERED -> offered++;
                case WAITLISTED -> waitlisted++;
                default -> {
                    continue;
                }
            }
            if (registration.status().holdsPlace() && registration.breakoutId() != null) {
                breakouts.merge(registration.breakoutId(), 1, Integer::sum);
            }
        }
        return new Occupancy(confirmed, offered, waitlisted, breakouts);
    }

    /** The earliest moment an open offer lapses, for the task that passes lapsed offers on. */
    public Instant nextOfferExpiry() {
        return registrations.stream().filter(registration -> registration.status() == Registration.Status.OFFERED)
                .map(Registration::offerExpiresAt).min(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * Registers the member: confirmed when the event and the chosen breakout have a place, on the
     * waitlist when the event is full. A full breakout in an event with places left is refused, so
     * the member picks another.
     */
    public Change register(Event event, Viewer member, String displayName, String breakoutId,
            Map<String, String> answers, Instant now) {
        requireVisible(event, member);
        if (!event.admitsAsAttendee(member)) {
            throw EventProblem.forbidden("this event is for " + describe(event) + " only");
        }
        requireOpenForChanges(event, now);
        if (!event.registrationOpen(now)) {
            throw EventProblem.conflict("registration-closed", "registration for this event has closed");
        }
        Optional<Registration> existing = of(member.memberId()).filter(registration -> registration.status().active());
        if (existing.isPresent()) {
            throw EventProblem.conflict("already-registered", "you are registered for this event already");
        }
        List<Violation> violations = new ArrayList<>(breakoutViolations(event, breakoutId));
        Map<String, String> cleanAnswers = new LinkedHashMap<>();
        violations.addAll(answerViolations(event, answers == null ? Map.of() : answers, cleanAnswers));
        if (!violations.isEmpty()) {
            throw EventProblem.invalid(violations);
        }
        Occupancy occupancy = occupancy();
        boolean eventFull = !hasPlace(event.details().capacity(), occupancy.placesTaken());
        if (!eventFull && breakoutId != null && !hasPlace(breakoutCapacity(event, breakoutId), occupancy.placesTaken(breakoutId))) {
            throw EventProblem.conflict("breakout-full", "this breakout session is full; choose another");
        }
        long arrival = arrivals + 1;
        Registration.Status status = eventFull ? Registration.Status.WAITLISTED : Registration.Status.CONFIRMED;
        Registration registration = new Registration(member.memberId(), displayName, status, breakoutId, cleanAnswers,
                arrival, now, now, null, null);
        Roster after = new Roster(replace(member.memberId(), registration), arrival);
        Happened happened = eventFull ? new Waitlisted(registration, after.positionOf(member.memberId()))
                : new Confirmed(registration);
        return new Change(after, List.of(happened));
    }

    /** The member cancels; a place they held goes to the next in line who fits it. */
    public Change cancel(Event event, Viewer member, Instant now) {
        requireVisible(event, member);
        Registration registration = active(member.memberId());
        requireOpenForChanges(event, now);
        Registration cancelled = registration.with(Registration.Status.CANCELLED, now, null);
        Roster after = new Roster(replace(member.memberId(), cancelled), arrivals);
        List<Happened> happened = new ArrayList<>();
        happened.add(new Cancelled(cancelled, registration.status().holdsPlace()));
        return after.fill(event, now, happened);
    }

    /** Moves the member to another breakout session while it has places (or changes their wish while waiting). */
    public Change switchBreakout(Event event, Viewer member, String breakoutId, Instant now) {
        requireVisible(event, member);
        Registration registration = active(member.memberId());
        requireOpenForChanges(event, now);
        List<Violation> violations = breakoutViolations(event, breakoutId);
        if (!violations.isEmpty()) {
            throw EventProblem.invalid(violations);
        }
        if (breakoutId.equals(registration.breakoutId())) {
            return new Change(this, List.of());
        }
        if (registration.status().holdsPlace()
                && !hasPlace(breakoutCapacity(event, breakoutId), occupancy().placesTaken(breakoutId))) {
            throw EventProblem.conflict("breakout-full", "this breakout session is full; choose another");
        }
        Registration moved = registration.inBreakout(breakoutId, now);
        Roster after = new Roster(replace(member.memberId(), moved), arrivals);
        List<Happened> happened = new ArrayList<>();
        happened.add(new BreakoutSwitched(moved, registration.breakoutId()));
        return after.fill(event, now, happened);
    }

    /** The member takes the place offered to them, before the offer lapses. */
    public Change acceptOffer(Event event, Viewer member, Instant now) {
        requireVisible(event, member);
        if (of(member.memberId()).map(Registration::status).orElse(null) == Registration.Status.LAPSED) {
            throw EventProblem.conflict("offer-lapsed", "the offer has lapsed and went to the next in line");
        }
        Registration registration = active(member.memberId());
        requireOpenForChanges(event, now);
        if (registration.status() != Registration.Status.OFFERED) {
            throw EventProblem.conflict("no-offer", "there is no place on offer for you");
        }
        if (!now.isBefore(registration.offerExpiresAt())) {
            throw EventProblem.conflict("offer-lapsed", "the offer has lapsed");
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
        return new Roster(updated, arrivals).fill(event, now, happened);
    }

    /** Gives free places to the waitlist (after capacity was raised, say); a no-op when nothing fits. */
    public Change fill(Event event, Instant now) {
        return fill(event, now, new ArrayList<>());
    }

    /** An organiser records that a confirmed attendee was there (or corrects that they were not). */
    public Change recordAttendance(Event event, Viewer organiser, String memberId, boolean present, Instant now) {
        event.requireManagedBy(organiser);
        if (event.status() != EventStatus.PUBLISHED && event.status() != EventStatus.COMPLETED) {
            throw EventProblem.conflict("event-not-held", "attendance is recorded for events that take place");
        }
        if (now.isBefore(event.details().start().minus(CHECK_IN_OPENS_BEFORE_START))) {
            throw EventProblem.conflict("check-in-not-open", "check-in opens an hour before the event starts");
        }
        Registration registration = of(memberId).filter(r -> r.status() == Registration.Status.CONFIRMED)
                .orElseThrow(() -> EventProblem.notFound("confirmed registration of " + memberId));
        if ((registration.checkedInAt() != null) == present) {
            return new Change(this, List.of());
        }
        Registration recorded = registration.checkedIn(present ? now : null);
        return new Change(new Roster(replace(memberId, recorded), arrivals),
                List.of(new AttendanceRecorded(recorded, present)));
    }

    private Change fill(Event event, Instant now, List<Happened> happened) {
        if (event.status() != EventStatus.PUBLISHED || event.hasStarted(now)) {
            return new Change(this, happened);
        }
        WaitlistPolicy policy = event.details().waitlist();
        List<Registration> updated = new ArrayList<>(registrations);
        Occupancy occupancy = occupancy();
        int taken = occupancy.placesTaken();
        Map<String, Integer> takenPerBreakout = new HashMap<>(occupancy.breakouts());
        for (Registration waiting : waitlist()) {
            if (!hasPlace(event.details().capacity(), taken)) {
                break;
            }
            String breakout = waiting.breakoutId();
            if (breakout != null && !hasPlace(breakoutCapacity(event, breakout), takenPerBreakout.getOrDefault(breakout, 0))) {
                continue; // their session is full: the next in line may fit
            }
            boolean offer = policy.promotion() == WaitlistPolicy.Promotion.OFFER;
            Registration promoted = offer
                    ? waiting.with(Registration.Status.OFFERED, now, earliest(now.plus(Duration.ofHours(policy.offerHours())),
                            event.details().start()))
                    : waiting.with(Registration.Status.CONFIRMED, now, null);
            updated.set(updated.indexOf(waiting), promoted);
            happened.add(new Promoted(promoted, offer));
            taken++;
            if (breakout != null) {
                takenPerBreakout.merge(breakout, 1, Integer::sum);
            }
        }
        return new Change(new Roster(updated, arrivals), happened);
    }

    private Registration active(String memberId) {
        return of(memberId).filter(registration -> registration.status().active())
                .orElseThrow(() -> EventProblem.notFound("your registration for this event"));
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

    private static void requireVisible(Event event, Viewer member) {
        if (!event.isVisibleTo(member)) {
            throw EventProblem.notFound("event " + event.id());
        }
    }

    private static void requireOpenForChanges(Event event, Instant now) {
        if (event.status() == EventStatus.CANCELLED) {
            throw EventProblem.conflict("event-cancelled", "this event has been cancelled");
        }
        if (event.status() != EventStatus.PUBLISHED) {
            throw EventProblem.conflict("registration-closed", "this event takes no registrations");
        }
        if (event.hasStarted(now)) {
            throw EventProblem.conflict("event-started", "the event has started; registrations can no longer change");
        }
    }

    private static List<Violation> breakoutViolations(Event event, String breakoutId) {
        List<Breakout> breakouts = event.details().breakouts();
        if (breakouts.isEmpty()) {
            return breakoutId == null ? List.of()
                    : List.of(new Violation("breakoutId", "unknown-breakout", "this event has no breakout sessions"));
        }
        if (breakoutId == null || breakoutId.isBlank()) {
            return List.of(new Violation("breakoutId", "required", "choose a breakout session"));
        }
        if (event.details().breakout(breakoutId).isEmpty()) {
            return List.of(new Violation("breakoutId", "unknown-breakout", "this event has no breakout session " + breakoutId));
        }
        return List.of();
    }

    private static List<Violation> answerViolations(Event event, Map<String, String> answers, Map<String, String> clean) {
        List<Violation> violations = new ArrayList<>();
        List<Question> questions = event.details().questions();
        for (String id : answers.keySet()) {
            if (questions.stream().noneMatch(question -> question.id().equals(id))) {
                violations.add(new Violation("answers." + id, "unknown-question", "this event asks no question " + id));
            }
        }
        for (Question question : questions) {
            String answer = answers.get(question.id());
            String field = "answers." + question.id();
            if (answer == null || answer.isBlank()) {
                if (question.required()) {
                    violations.add(new Violation(field, "required", "this question needs an answer"));
                }
                continue;
            }
            answer = answer.strip();
            if (answer.length() > Question.MAX_ANSWER_LENGTH) {
                violations.add(new Violation(field, "too-long", "an answer has at most " + Question.MAX_ANSWER_LENGTH + " characters"));
            } else if (question.type() == Question.Type.CHOICE && !question.options().contains(answer)) {
                violations.add(new Violation(field, "not-an-option", "choose one of the options"));
            } else {
                clean.put(question.id(), answer);
            }
        }
        return violations;
    }

    private static Integer breakoutCapacity(Event event, String breakoutId) {
        return event.details().breakout(breakoutId).map(Breakout::capacity).orElse(null);
    }

    private static boolean hasPlace(Integer capacity, int taken) {
        return capacity == null || taken < capacity;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String describe(Event event) {
        return String.join(", ", event.details().audience().roles());
    }
}

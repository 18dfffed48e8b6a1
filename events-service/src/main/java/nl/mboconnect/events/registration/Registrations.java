package nl.mboconnect.events.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.Events;
import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.platform.events.aggregate.Change;
import nl.mboconnect.platform.events.aggregate.Loaded;

/**
 * The registration feature as the other features use it: who registered for an event, what a
 * member registered for, the waitlist moving up within another feature's change of an event, and
 * registering on someone's behalf (the demo data).
 */
@Component
public class Registrations {

    private final RosterStore rosters;
    private final Events events;

    private final java.time.Clock clock;

    Registrations(RosterStore rosters, Events events, java.time.Clock clock) {
        this.rosters = rosters;
        this.events = events;
        this.clock = clock;
    }

    /** A member's registration for one event, with their place in line (0 when not waiting). */
    public record MemberRegistration(Event event, Registration registration, int position) {
    }

    /** Who registered for the loaded event, in any state, in order of arrival (read whole). */
    public Roster roster(Loaded<Event> event) {
        return Roster.of(rosters.all(event));
    }

    /** Every registration of the loaded event, in any state, in order of arrival. */
    public List<Registration> all(Loaded<Event> event) {
        return rosters.all(event);
    }

    /** The member's registration (in any state) for the loaded event. */
    public Optional<Registration> of(Loaded<Event> event, String memberId) {
        return memberId == null ? Optional.empty() : rosters.roster(event).of(memberId);
    }

    /** Members still registered for the loaded event: attending, holding an offer or waiting. */
    public List<String> activeMembers(Loaded<Event> event) {
        return rosters.activeMembers(event);
    }

    /** The member's registrations for events that ended after {@code endedAfter}, by the events' start. */
    public List<MemberRegistration> of(String memberId, Instant endedAfter) {
        Map<String, Registration> mine = rosters.of(memberId);
        List<MemberRegistration> found = new ArrayList<>();
        for (Event event : events.withIds(mine.keySet(), endedAfter)) {
            Registration registration = mine.get(event.id());
            found.add(new MemberRegistration(event, registration, rosters.positionOf(event.id(), registration)));
        }
        return found;
    }

    /**
     * Another feature's change of an event with the waitlist moving up into the places it freed (a
     * raised capacity), so the two are one write and no newcomer takes a place the waitlist is owed.
     */
    public <R> Change<Event, R> withWaitlistMovingUp(Loaded<Event> loaded, Change<Event, R> change, Instant now) {
        if (change.after() == null) {
            return change;
        }
        Roster.Change filled = rosters.roster(loaded).fill(change.after(), now);
        if (!filled.changed()) {
            return change;
        }
        Event counted = change.after().withOccupancy(filled.roster().occupancy());
        return rosters.written(loaded, new Change<>(counted, change.parts(), change.events(), change.result(),
                change.followUps()).andAnnounce(RosterStore.announced(counted, filled, now)), filled.roster());
    }

    /** A member's erasure: their places given up, their registrations anonymous ({@link RegistrationPersonalData}). */
    public void erase(String memberId) {
        rosters.erase(memberId, clock.instant());
    }

    /** Registers a member as they would themselves, at {@code at} (the demo data). */
    public Registration register(String eventId, Viewer member, String displayName, String breakoutId,
            Map<String, String> answers, Instant at) {
        return rosters.change(eventId, member.memberId(), at, (event, roster) -> roster.register(event, member, displayName, breakoutId,
                answers, at)).roster().of(member.memberId()).orElseThrow();
    }

    /** Records that an attendee was there, as their organiser would, at {@code at} (the demo data). */
    public void recordAttendance(String eventId, Viewer organiser, String memberId, boolean present, Instant at) {
        rosters.change(eventId, memberId, at, (event, roster) -> roster.recordAttendance(event, organiser, memberId, present, at));
    }
}

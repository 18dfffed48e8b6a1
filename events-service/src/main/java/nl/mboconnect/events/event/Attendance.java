package nl.mboconnect.events.event;

import java.time.Instant;
import java.util.List;

/**
 * Who may attend and how: the audience, the places (null: no limit) and until when to register,
 * how the waitlist moves up, the breakout sessions to choose from and the event's own questions.
 */
public record Attendance(Audience audience, Integer capacity, Instant registrationDeadline, WaitlistPolicy waitlist,
        List<Breakout> breakouts, List<Question> questions) {

    public Attendance {
        audience = audience == null ? new Audience(null, List.of()) : audience;
        waitlist = waitlist == null ? WaitlistPolicy.automatic() : waitlist;
        breakouts = EventDetails.copy(breakouts);
        questions = EventDetails.copy(questions);
    }

    /** Anyone of the audience, no limit, registration until the start, the waitlist moving up at once. */
    public static Attendance open() {
        return new Attendance(null, null, null, null, List.of(), List.of());
    }

    public Attendance withCapacity(Integer places) {
        return new Attendance(audience, places, registrationDeadline, waitlist, breakouts, questions);
    }

    public Attendance withBreakouts(List<Breakout> sessions) {
        return new Attendance(audience, capacity, registrationDeadline, waitlist, sessions, questions);
    }

    public Attendance withQuestions(List<Question> asked) {
        return new Attendance(audience, capacity, registrationDeadline, waitlist, breakouts, asked);
    }

    public Attendance withWaitlist(WaitlistPolicy policy) {
        return new Attendance(audience, capacity, registrationDeadline, policy, breakouts, questions);
    }
}

package nl.mboconnect.membership.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.mboconnect.platform.domain.Choices;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.TextFields;
import nl.mboconnect.platform.domain.Violation;

/**
 * "Bel mij terug": someone, signed in or not, asks the association to call them. A beheerder
 * claims the request, notes what was said and closes it; 90 days after closing it is deleted.
 *
 * @param requesterId the member who asked, or null for a visitor who was not signed in
 * @param handler     the beheerder who claimed or closed it last
 */
public record Callback(String id, Request request, String requesterId, Instant requestedAt, Status status,
        Handler handler, List<Note> notes, Instant closedAt, long version) {

    public static final int NAME_MAX = 100;
    public static final int TOPIC_MAX = 500;
    public static final int NOTE_MAX = 1000;
    /** A request's notes stay a conversation, not a log: past this a beheerder closes it and starts anew. */
    public static final int NOTES_MAX = 50;
    /** How long a closed request is kept. */
    public static final Duration RETENTION = Duration.ofDays(90);

    public enum Status { OPEN, CLAIMED, CLOSED }

    /** When it suits the caller to be called, on a working day. */
    public enum Moment { OCHTEND, MIDDAG, EINDE_MIDDAG, MAAKT_NIET_UIT }

    /** What the caller left. */
    public record Request(String name, PhoneNumber phone, Moment moment, String topic) {
    }

    /** A beheerder, by id and by the name shown beside what they did. */
    public record Handler(String id, String name) {
    }

    /** What a beheerder noted: "teruggebeld, stuurt de stukken na". */
    public record Note(Instant at, Handler by, String text) {
    }

    public Callback {
        notes = List.copyOf(notes);
    }

    /** A new request, or the fields at fault: missing, too long, an unknown moment, no real phone number. */
    public static Callback request(String id, String name, String phone, String moment, String topic,
            String requesterId, Instant now) {
        List<Violation> violations = new ArrayList<>();
        String who = TextFields.required(violations, "name", name, NAME_MAX);
        Optional<PhoneNumber> number = PhoneNumber.parse(phone);
        if (phone == null || phone.isBlank()) {
            violations.add(new Violation("phone", "required", "this is needed"));
        } else if (number.isEmpty()) {
            violations.add(new Violation("phone", "invalid-phone",
                    "not a Dutch or international phone number (e.g. 06 12345678 or +49 30 1234567)"));
        }
        Moment when = moment(violations, moment);
        String about = TextFields.required(violations, "topic", topic, TOPIC_MAX);
        Refusal.requireNone(violations);
        return new Callback(id, new Request(who, number.orElseThrow(), when, about), requesterId, now, Status.OPEN, null,
                List.of(), null, 0);
    }

    /** Claimed by a beheerder: the caller knows who will call. Another beheerder may take it over. */
    public Callback claimedBy(Handler beheerder) {
        requireOpen();
        if (status == Status.CLAIMED && beheerder.equals(handler)) {
            return this;
        }
        return new Callback(id, request, requesterId, requestedAt, Status.CLAIMED, beheerder, notes, null, version);
    }

    /** With a note of a beheerder's. */
    public Callback noted(Handler beheerder, String text, Instant now) {
        requireOpen();
        List<Violation> violations = new ArrayList<>();
        String note = TextFields.required(violations, "text", text, NOTE_MAX);
        Refusal.requireNone(violations);
        if (notes.size() >= NOTES_MAX) {
            throw Refusal.conflict("too-many-notes", "a request has at most " + NOTES_MAX + " notes");
        }
        List<Note> more = new ArrayList<>(notes);
        more.add(new Note(now, beheerder, note));
        return new Callback(id, request, requesterId, requestedAt, status, handler, more, closedAt, version);
    }

    /** Done, with a last note if there is one; deleted {@link #RETENTION} later. */
    public Callback closedBy(Handler beheerder, String text, Instant now) {
        requireOpen();
        Callback noted = text == null || text.isBlank() ? this : noted(beheerder, text, now);
        return new Callback(id, request, requesterId, requestedAt, Status.CLOSED, beheerder, noted.notes, now, version);
    }

    /** Whether a closed request has been kept long enough at {@code now}. */
    public boolean expired(Instant now) {
        return status == Status.CLOSED && closedAt.plus(RETENTION).isBefore(now);
    }

    private void requireOpen() {
        if (status == Status.CLOSED) {
            throw Refusal.conflict("callback-closed", "this request has been closed");
        }
    }

    private static Moment moment(List<Violation> violations, String moment) {
        if (moment == null || moment.isBlank()) {
            violations.add(new Violation("moment", "required", "this is needed"));
            return null;
        }
        return Choices.one(Moment.class, "moment", moment, violations);
    }
}

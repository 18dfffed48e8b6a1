package nl.mboconnect.platform.events.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the domain decided about an aggregate: its stored form after the change (null: unchanged),
 * the parts of the document other features keep that changed with it, the events to announce with
 * it, what to give the caller, and what to do once it is written ({@link #thenRun}).
 */
public record Change<D, R>(D after, List<Record> parts, List<OutgoingEvent<?>> events, R result,
        List<Runnable> followUps) {

    public Change {
        parts = List.copyOf(parts);
        events = List.copyOf(events);
        followUps = List.copyOf(followUps);
    }

    public Change(D after, List<Record> parts, List<OutgoingEvent<?>> events, R result) {
        this(after, parts, events, result, List.of());
    }

    /** Nothing changes; nothing is written. */
    public static <D, R> Change<D, R> none(R result) {
        return new Change<>(null, List.of(), List.of(), result);
    }

    public static <D, R> Change<D, R> to(D after, R result, OutgoingEvent<?>... events) {
        return new Change<>(after, List.of(), List.of(events), result);
    }

    public static <D, R> Change<D, R> to(D after, R result, List<OutgoingEvent<?>> events) {
        return new Change<>(after, List.of(), events, result);
    }

    /**
     * The same change with work to do once it is written (writing what the change decided into
     * documents of their own, say). It runs only when the change was written, on the caller's
     * thread, before the aggregate's turn passes on, so the next change usually finds it done. A
     * failure is logged, not thrown, because the change stands: the follow-up must be one that can
     * be done again later from what was written.
     */
    public Change<D, R> thenRun(Runnable followUp) {
        List<Runnable> more = new ArrayList<>(followUps);
        more.add(followUp);
        return new Change<>(after, parts, events, result, more);
    }

    /** The same change writing a part of the document too (read with {@link Loaded#part}). */
    public Change<D, R> withPart(Record part) {
        List<Record> more = new ArrayList<>(parts);
        more.add(part);
        return new Change<>(after, more, events, result, followUps);
    }

    /** The same change announcing more events. */
    public Change<D, R> andAnnounce(List<? extends OutgoingEvent<?>> more) {
        List<OutgoingEvent<?>> all = new ArrayList<>(events);
        all.addAll(more);
        return new Change<>(after, parts, all, result, followUps);
    }

    public Change<D, R> andAnnounce(OutgoingEvent<?> event) {
        return andAnnounce(List.of(event));
    }

    /** The same change with the aggregate in another form (its stored form, say). */
    public <E> Change<E, R> map(Function<D, E> form) {
        return new Change<>(after == null ? null : form.apply(after), parts, events, result, followUps);
    }

    public boolean writesNothing() {
        return after == null && parts.isEmpty() && events.isEmpty();
    }
}

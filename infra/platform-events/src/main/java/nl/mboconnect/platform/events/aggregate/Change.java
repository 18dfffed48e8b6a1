package nl.mboconnect.platform.events.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the domain decided about an aggregate: its stored form after the change (null: unchanged),
 * the parts of the document other features keep that changed with it, the events to announce with
 * it, and what to give the caller.
 */
public record Change<D, R>(D after, List<Record> parts, List<OutgoingEvent<?>> events, R result) {

    public Change {
        parts = List.copyOf(parts);
        events = List.copyOf(events);
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

    /** The same change writing a part of the document too (read with {@link Loaded#part}). */
    public Change<D, R> withPart(Record part) {
        List<Record> more = new ArrayList<>(parts);
        more.add(part);
        return new Change<>(after, more, events, result);
    }

    /** The same change announcing more events. */
    public Change<D, R> andAnnounce(List<? extends OutgoingEvent<?>> more) {
        List<OutgoingEvent<?>> all = new ArrayList<>(events);
        all.addAll(more);
        return new Change<>(after, parts, all, result);
    }

    public Change<D, R> andAnnounce(OutgoingEvent<?> event) {
        return andAnnounce(List.of(event));
    }

    /** The same change with the aggregate in another form (its stored form, say). */
    public <E> Change<E, R> map(Function<D, E> form) {
        return new Change<>(after == null ? null : form.apply(after), parts, events, result);
    }

    public boolean writesNothing() {
        return after == null && parts.isEmpty() && events.isEmpty();
    }
}

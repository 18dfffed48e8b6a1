package nl.mboconnect.membership.callback;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import nl.mboconnect.membership.callback.Callback.Handler;
import nl.mboconnect.membership.callback.Callback.Note;
import nl.mboconnect.membership.callback.Callback.Request;
import nl.mboconnect.membership.callback.Callback.Status;
import nl.mboconnect.platform.events.aggregate.AggregateStore;
import nl.mboconnect.platform.events.aggregate.Aggregates;
import nl.mboconnect.platform.events.aggregate.Change;
import nl.mboconnect.platform.events.aggregate.StoredAggregate;
import nl.mboconnect.platform.service.PersonalData;

/**
 * Callback requests in the collection {@code callbacks}, one document each, changed through the
 * platform's {@link AggregateStore} (one conditional write a change). They publish no events: a
 * phone number and what someone wants to talk about stay inside this service.
 */
@Component
class CallbackStore {

    private final AggregateStore<CallbackDocument> callbacks;

    CallbackStore(Aggregates aggregates) {
        this.callbacks = aggregates.store("callbacks", CallbackDocument.class, "callback");
        callbacks.collection().createIndex(Indexes.ascending("status", "requestedAt"));
        callbacks.collection().createIndex(Indexes.ascending("closedAt"));
        callbacks.collection().createIndex(Indexes.ascending("requesterId"));
    }

    Callback add(Callback callback) {
        callbacks.insert(CallbackDocument.of(callback));
        return callback;
    }

    Optional<Callback> find(String id) {
        return callbacks.find(id).map(CallbackDocument::toCallback);
    }

    /** Changes a request as {@code decide} says (it throws a refusal when the rule says no); 404 when there is none. */
    Callback change(String id, UnaryOperator<Callback> decide) {
        return callbacks.update(id, loaded -> {
            Callback before = loaded.aggregate().toCallback();
            Callback after = decide.apply(before);
            return after.equals(before) ? Change.none(before) : Change.to(CallbackDocument.of(after), after);
        });
    }

    /** A page of the queue: the statuses asked for, the longest waiting first (closed: the last closed first). */
    Page queue(List<Status> statuses, int page, int size) {
        Bson filter = in("status", statuses.stream().map(Enum::name).toList());
        Bson order = statuses.equals(List.of(Status.CLOSED)) ? Sorts.descending("closedAt", "_id")
                : Sorts.ascending("requestedAt", "_id");
        long total = callbacks.collection().countDocuments(filter);
        List<Callback> found = new ArrayList<>();
        callbacks.collection().find(filter).projection(Projections.exclude("outbox")).sort(order)
                .skip(page * size).limit(size).forEach(document -> found.add(document.toCallback()));
        return new Page(found, total);
    }

    /** The requests a member made while signed in, the first first (for their export). */
    List<Callback> byRequester(String memberId) {
        List<Callback> found = new ArrayList<>();
        callbacks.collection().find(eq("requesterId", memberId)).projection(Projections.exclude("outbox"))
                .sort(Sorts.ascending("requestedAt", "_id")).forEach(document -> found.add(document.toCallback()));
        return found;
    }

    /** A member's erasure: the requests they made go; where they handled or noted one, "Voormalig lid" did. */
    void erase(String memberId) {
        callbacks.collection().deleteMany(eq("requesterId", memberId));
        callbacks.replaceActor(memberId, PersonalData.FORMER_MEMBER_ID, PersonalData.FORMER_MEMBER_NAME, "handler.id",
                "notes.by.id");
    }

    /** Deletes the requests closed before {@code cutoff}; how many. */
    long deleteClosedBefore(Instant cutoff) {
        return callbacks.collection().deleteMany(and(eq("status", Status.CLOSED.name()), lt("closedAt", cutoff)))
                .getDeletedCount();
    }

    record Page(List<Callback> callbacks, long total) {
    }

    /** The stored form; public only because the driver's record codec reads it reflectively. */
    public record CallbackDocument(@BsonId String id, Request request, String requesterId, Instant requestedAt,
            Status status, Handler handler, List<Note> notes, Instant closedAt, long version) implements StoredAggregate {

        static CallbackDocument of(Callback callback) {
            return new CallbackDocument(callback.id(), callback.request(), callback.requesterId(),
                    callback.requestedAt(), callback.status(), callback.handler(), callback.notes(),
                    callback.closedAt(), callback.version());
        }

        Callback toCallback() {
            return new Callback(id, request, requesterId, requestedAt, status, handler, notes == null ? List.of() : notes,
                    closedAt, version);
        }
    }
}

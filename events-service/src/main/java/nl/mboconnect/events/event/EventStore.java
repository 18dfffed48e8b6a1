package nl.mboconnect.events.event;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import nl.mboconnect.platform.events.aggregate.AggregateStore;
import nl.mboconnect.platform.events.aggregate.Aggregates;
import nl.mboconnect.platform.events.aggregate.Loaded;
import nl.mboconnect.platform.events.aggregate.StoredAggregate;
import nl.mboconnect.platform.service.PersonalData;

/**
 * Events in the collection {@code events}, one document each: what the organisers wrote, the
 * counts, the pending events, and the registration feature's part (its arrivals and what it decided
 * and has not yet written into the registrations' own documents). The queries the features need, by name.
 */
@Component
class EventStore {

    static final String COLLECTION = "events";
    /** Left out where only the event is read: what the registration feature has decided and not yet written. */
    private static final String PENDING = "pending";
    private static final int LIMIT = 1000;
    private static final Bson BY_START = Sorts.ascending("details.schedule.start");
    private static final List<String> HELD = List.of(EventStatus.PUBLISHED.name(), EventStatus.CANCELLED.name(),
            EventStatus.COMPLETED.name());

    private final AggregateStore<EventDocument> events;

    EventStore(Aggregates aggregates) {
        this.events = aggregates.store(COLLECTION, EventDocument.class, "event");
        events.collection().createIndex(Indexes.ascending("details.schedule.start"));
        events.collection().createIndex(Indexes.ascending("nextOfferExpiry"));
    }

    AggregateStore<EventDocument> aggregates() {
        return events;
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    Optional<Event> find(String id) {
        return events.findWithout(id, PENDING).map(EventDocument::toEvent);
    }

    Optional<Loaded<Event>> load(String id) {
        return events.load(id).map(loaded -> loaded.map(EventDocument::toEvent));
    }

    /** Published, cancelled and completed events that overlap the period. */
    List<Event> overlapping(Instant from, Instant until) {
        return summaries(and(in("status", HELD), gte("details.schedule.end", from), lt("details.schedule.start", until)));
    }

    /** Every event (all = true) or those the member organises, that ended after {@code endedAfter} or are drafts. */
    List<Event> managed(String organiser, Instant endedAfter) {
        Bson whose = organiser == null ? Filters.empty() : eq("organisers", organiser);
        Bson when = endedAfter == null ? Filters.empty()
                : or(gte("details.schedule.end", endedAfter), eq("status", EventStatus.DRAFT.name()));
        return summaries(and(whose, when));
    }

    /** Events the member organises or created, in any state. */
    List<Event> organisedOrCreatedBy(String memberId) {
        return summaries(or(eq("organisers", memberId), eq("timeline.createdBy", memberId)));
    }

    /**
     * A member's erasure: they no longer organise any event, and one they created was created by
     * "Voormalig lid". Each write counts as a change of the event (its version), so a change decided
     * on the event as it was is decided again.
     */
    void eraseOrganiser(String memberId) {
        events.updateMatching(eq("organisers", memberId), Updates.pull("organisers", memberId));
        events.updateMatching(eq("timeline.createdBy", memberId),
                Updates.set("timeline.createdBy", PersonalData.FORMER_MEMBER_ID));
    }

    /** Public events that took place or will, ending after {@code endedAfter}. */
    List<Event> publicEndingAfter(Instant endedAfter) {
        return summaries(and(eq("details.visibility.level", Visibility.Level.PUBLIC.name()), in("status", HELD),
                gte("details.schedule.end", endedAfter)));
    }

    /** Published events with an offer from the waitlist that lapsed by {@code now}, the oldest first. */
    List<Event> withOffersLapsedBy(Instant now, int limit) {
        return events.findAll(and(eq("status", EventStatus.PUBLISHED.name()), lte("nextOfferExpiry", now)),
                Sorts.ascending("nextOfferExpiry"), limit, PENDING).stream().map(EventDocument::toEvent).toList();
    }

    /** The events of these ids that ended after {@code endedAfter}, by start. */
    List<Event> withIds(Collection<String> ids, Instant endedAfter) {
        return summaries(and(in("_id", ids), gte("details.schedule.end", endedAfter)));
    }

    private List<Event> summaries(Bson filter) {
        return events.findAll(filter, BY_START, LIMIT, PENDING).stream().map(EventDocument::toEvent).toList();
    }

    /** The stored form; public only because the driver's record codec reads it reflectively. */
    public record EventDocument(@BsonId String id, EventStatus status, EventDetails details, List<String> organisers,
            Timeline timeline, int sequence, long version, Occupancy occupancy) implements StoredAggregate {

        static EventDocument of(Event event) {
            return new EventDocument(event.id(), event.status(), event.details(), event.organisers(), event.timeline(),
                    event.sequence(), event.version(), event.occupancy());
        }

        Event toEvent() {
            return new Event(id, status, details, organisers, timeline, sequence, version, occupancy);
        }
    }
}

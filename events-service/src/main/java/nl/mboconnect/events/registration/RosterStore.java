package nl.mboconnect.events.registration;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.not;
import static com.mongodb.client.model.Filters.size;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.Events;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.events.aggregate.Aggregates;
import nl.mboconnect.platform.events.aggregate.Change;
import nl.mboconnect.platform.events.aggregate.Combiner;
import nl.mboconnect.platform.events.aggregate.Loaded;
import nl.mboconnect.platform.events.aggregate.OutgoingEvent;
import nl.mboconnect.platform.service.ErasedMembers;
import nl.mboconnect.platform.service.PersonalData;

/**
 * The registrations of events, one document each in {@code registrations} ({@code _id} =
 * event id / member id), with the event's counts and the decision itself in the event's document.
 *
 * <p>A change of registrations is decided under the event's turn and written in one write of the
 * event's document: the counts, the number of arrivals, the events announced (outbox), and the
 * registrations it changed, whole, as {@code pending}. That write is the change; nothing else has
 * to succeed for it to stand, so a crash never leaves it half done, and capacity holds whatever
 * the concurrency, on any number of replicas (the event's version decides). Right after, each
 * changed registration is written into its own document, newest wins by {@code revision} (the
 * event's version that decided it), and taken out of {@code pending}. Whatever a crash left in
 * {@code pending} is written by the next change of the event, by a read of it, or by the sweep,
 * each able to do it again harmlessly. So the event's document stays small, however many
 * register, and one registration costs the same at ten as at ten thousand.
 */
@Component
class RosterStore {

    private static final Logger log = LoggerFactory.getLogger(RosterStore.class);
    static final String COLLECTION = "registrations";
    private static final String PENDING = "pending";
    private static final String STATUS = "registration.status";
    private static final String ARRIVAL = "registration.arrival";
    private static final String MEMBER = "registration.memberId";
    private static final String OFFER_EXPIRES = "registration.offerExpiresAt";
    private static final int WAITLIST_BATCH = 16;

    /** At most this many registrations are decided in one write (their answers go into it too). */
    private static final int BATCH = 50;

    private final Events events;
    private final Combiner<Operation, Outcome> line;
    private final MongoCollection<RegistrationDocument> registrations;
    private final MongoCollection<Document> eventDocuments;
    /** Per event, the newest revision of pending registrations this process wrote out. */
    private final Map<String, Long> settled = new ConcurrentHashMap<>();
    /** Where a test stops the work between two writes, as a crash would ("decided", "registrations-written"). */
    volatile Consumer<String> crashPoint = step -> {
    };

    RosterStore(Events events, MongoDatabase database, Aggregates aggregates) {
        this.events = events;
        this.line = aggregates.combiner("event", BATCH);
        this.registrations = database.getCollection(COLLECTION, RegistrationDocument.class);
        this.eventDocuments = database.getCollection(Events.COLLECTION);
        registrations.createIndex(Indexes.ascending("eventId", STATUS, ARRIVAL));
        registrations.createIndex(Indexes.ascending(MEMBER));
        registrations.createIndex(Indexes.ascending("eventId", STATUS, OFFER_EXPIRES));
        moveEmbeddedRegistrations();
    }

    /** One member's registration for one event, as stored; public only for the driver's record codec. */
    public record RegistrationDocument(@BsonId String id, String eventId, long revision, Registration registration) {

        static RegistrationDocument of(String eventId, long revision, Registration registration) {
            return new RegistrationDocument(idOf(eventId, registration.memberId()), eventId, revision, registration);
        }
    }

    /** The registration feature's part of an event's document; public only for the driver's record codec. */
    public record RosterDocument(Long arrivals, Instant nextOfferExpiry, List<RegistrationDocument> pending) {

        public RosterDocument {
            pending = pending == null ? List.of() : List.copyOf(pending);
        }
    }

    static String idOf(String eventId, String memberId) {
        return eventId + "/" + memberId;
    }

    /** The roster of the loaded event, its pending registrations written first, read as far as asked. */
    Roster roster(Loaded<Event> loaded) {
        return roster(loaded, new StoredLineup(loaded.aggregate().id()));
    }

    private Roster roster(Loaded<Event> loaded, StoredLineup lineup) {
        RosterDocument part = loaded.part(RosterDocument.class);
        settle(loaded.aggregate().id(), part.pending());
        return new Roster(loaded.aggregate().occupancy(), part.arrivals() == null ? 0 : part.arrivals(), lineup);
    }

    /** What a roster operation gives back: the event as it is now, and the roster after the operation. */
    record Outcome(Event event, Roster roster, Roster.Change change) {
    }

    /** One caller's roster operation, in line with others for the same event. */
    private record Operation(String memberId, Instant now, BiFunction<Event, Roster, Roster.Change> apply) {
    }

    /**
     * Applies a roster operation to the event's current registrations and writes the outcome, with
     * the counts and the events about it, if nobody changed the event in between. Operations on one
     * event that arrive together are decided together, in arrival order, each on the roster the one
     * before left, and written in one write; each caller gets its own outcome or refusal.
     *
     * @param memberId whose registration the operation is about (read ahead with the others), if one's
     * @param now      the time of the change in what is announced (the demo records some as done in the past)
     */
    Outcome change(String eventId, String memberId, Instant now, BiFunction<Event, Roster, Roster.Change> operation) {
        return line.submit(eventId, new Operation(memberId, now, operation), batch -> decideTogether(eventId, batch));
    }

    private List<Combiner.Outcome<Outcome>> decideTogether(String eventId, List<Operation> batch) {
        return events.change(eventId, loaded -> {
            Event event = loaded.aggregate();
            StoredLineup lineup = new StoredLineup(eventId);
            lineup.readAhead(batch.stream().map(Operation::memberId).filter(java.util.Objects::nonNull).toList());
            Roster roster = roster(loaded, lineup);
            List<Object> decided = new ArrayList<>(batch.size());
            List<OutgoingEvent<?>> announced = new ArrayList<>();
            boolean changed = false;
            for (Operation operation : batch) {
                try {
                    Roster.Change change = operation.apply().apply(event, roster);
                    roster = change.roster();
                    announced.addAll(announced(event, change, operation.now()));
                    changed |= change.changed();
                    decided.add(change);
                } catch (Refusal refusal) {
                    decided.add(refusal); // this caller's alone: the others are decided as if it had not come
                }
            }
            Event counted = changed ? event.withOccupancy(roster.occupancy()) : event;
            Roster after = roster;
            List<Combiner.Outcome<Outcome>> outcomes = decided.stream().map(each -> each instanceof Refusal refusal
                    ? Combiner.Outcome.<Outcome>refused(refusal)
                    : Combiner.Outcome.of(new Outcome(counted, after, (Roster.Change) each))).toList();
            if (!changed) {
                return Change.none(outcomes);
            }
            return written(loaded, Change.to(counted, outcomes, announced), after);
        });
    }

    /**
     * {@code change} of the loaded event with what the roster changed: the counts are the event's
     * already; this adds the changed registrations as pending, and their writing once it stands.
     */
    <R> Change<Event, R> written(Loaded<Event> loaded, Change<Event, R> change, Roster after) {
        String eventId = loaded.aggregate().id();
        RosterDocument before = loaded.part(RosterDocument.class);
        long revision = loaded.aggregate().version() + 1;
        List<RegistrationDocument> pending = after.changed().stream()
                .map(registration -> RegistrationDocument.of(eventId, revision, registration)).toList();
        return change.withPart(new RosterDocument(after.arrivals(), after.nextOfferExpiry(before.nextOfferExpiry()), pending))
                .thenRun(() -> {
                    crashPoint.accept("decided");
                    settle(eventId, pending);
                });
    }

    /** The events a roster change announces. */
    static List<OutgoingEvent<?>> announced(Event event, Roster.Change change, Instant now) {
        List<OutgoingEvent<?>> announced = new ArrayList<>();
        for (Roster.Happened happened : change.happened()) {
            RegistrationEvents.announcement(event, happened, now).ifPresent(announced::add);
        }
        return announced;
    }

    /**
     * Writes registrations decided in the event's document into their own documents, unless a newer
     * one is there already. Safe to do again, and at the same time as another doing it. They stay
     * in the event's {@code pending} until the next change there writes its own (or the sweep takes
     * them out): removing them would cost every registration one more write.
     */
    private void settle(String eventId, List<RegistrationDocument> pending) {
        if (pending.isEmpty()) {
            return;
        }
        // one change's registrations share its revision, and each change wrote out what it found
        // pending before it decided: once this process wrote revision r, every earlier one is written
        long revision = pending.getFirst().revision();
        Long written = settled.get(eventId);
        if (written != null && written >= revision) {
            return;
        }
        writeUnlessNewerIsThere(pending);
        crashPoint.accept("registrations-written");
        settled.merge(eventId, revision, Math::max);
    }

    /** One write for all of them; a newer decision already written about a member stays. */
    private void writeUnlessNewerIsThere(List<RegistrationDocument> documents) {
        List<ReplaceOneModel<RegistrationDocument>> writes = documents.stream()
                .map(document -> new ReplaceOneModel<>(and(eq("_id", document.id()), lt("revision", document.revision())),
                        document, new ReplaceOptions().upsert(true)))
                .toList();
        try {
            registrations.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyNewerThere = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyNewerThere || e.getWriteConcernError() != null) {
                throw e;
            }
        }
    }

    /**
     * Writes what a crash left pending in any event's document, and takes written registrations out
     * of the event's document; returns how many events had some.
     */
    int settlePending() {
        int settled = 0;
        for (Document event : eventDocuments.find(and(exists(PENDING), not(size(PENDING, 0))))
                .projection(Projections.include("_id")).limit(500)) {
            String eventId = event.getString("_id");
            events.load(eventId).ifPresent(loaded -> {
                List<RegistrationDocument> pending = loaded.part(RosterDocument.class).pending();
                settle(eventId, pending);
                if (!pending.isEmpty()) { // one change's registrations, all of its revision
                    eventDocuments.updateOne(eq("_id", eventId),
                            Updates.pull(PENDING, new Document("revision", pending.getFirst().revision())));
                }
            });
            settled++;
        }
        return settled;
    }

    /**
     * Passes on every offer that lapsed by {@code now}: the next in line is offered the place (or
     * given it, as the event's policy says) and both members hear of it. Returns how many events
     * changed; one that cannot change now (it was cancelled meanwhile) is left for what it is.
     */
    int passOnLapsedOffers(Instant now) {
        int changed = 0;
        for (Event event : events.withOffersLapsedBy(now, 100)) {
            try {
                Outcome outcome = change(event.id(), null, now, (current, roster) -> roster.expireOffers(current, now));
                if (outcome.change().changed()) {
                    log.info("event {}: {} lapsed offers passed on", event.id(), outcome.change().happened().size());
                    changed++;
                } else {
                    forgetOfferExpiry(event.id(), now); // taken or cancelled meanwhile: nothing lapses then
                }
            } catch (Refusal e) {
                log.warn("event {}: lapsed offers not passed on: {}", event.id(), e.getMessage());
            }
        }
        return changed;
    }

    /** Moves the time of the next lapse on to the first offer still open, when none lapsed by {@code now}. */
    private void forgetOfferExpiry(String eventId, Instant now) {
        Instant next = new StoredLineup(eventId).firstOfferExpiryExcept(Set.of()).orElse(null);
        eventDocuments.updateOne(and(eq("_id", eventId), lte("nextOfferExpiry", now)),
                next == null ? Updates.unset("nextOfferExpiry") : Updates.set("nextOfferExpiry", next));
    }

    /**
     * A member's erasure: each place they hold in an event still to come goes to the next in line
     * ({@link Roster#leave}); then each registration of theirs is written anonymous, "Voormalig lid"
     * without answers under an id not theirs (the counts and attendance of every event stay true),
     * and taken out of any event's {@code pending}. Safe to do again: it finds what is left.
     */
    void erase(String memberId, Instant now) {
        for (Map.Entry<String, Registration> mine : of(memberId).entrySet()) {
            if (mine.getValue().status().active()) {
                try {
                    change(mine.getKey(), memberId, now, (event, roster) -> roster.leave(event, memberId, now));
                } catch (Refusal gone) { // the event is gone: there is no place to give up
                    log.debug("event {}: no place given up at an erasure: {}", mine.getKey(), gone.getMessage());
                }
            }
        }
        eventDocuments.updateMany(eq(PENDING + "." + MEMBER, memberId),
                Updates.pull(PENDING, new Document(MEMBER, memberId)));
        for (RegistrationDocument document : registrations.find(eq(MEMBER, memberId)).into(new ArrayList<>())) {
            Registration theirs = document.registration();
            String former = PersonalData.FORMER_MEMBER_ID + "-" + ErasedMembers.hash(document.id()).substring(0, 16);
            Registration anonymous = new Registration(former, PersonalData.FORMER_MEMBER_NAME, theirs.status(),
                    theirs.breakoutId(), Map.of(), theirs.arrival(), theirs.registeredAt(), theirs.changedAt(),
                    theirs.offerExpiresAt(), theirs.checkedInAt());
            RegistrationDocument replacement = RegistrationDocument.of(document.eventId(), document.revision(), anonymous);
            registrations.replaceOne(eq("_id", replacement.id()), replacement, new ReplaceOptions().upsert(true));
            registrations.deleteOne(eq("_id", document.id()));
        }
    }

    /** Every registration of the loaded event, in any state, in order of arrival. */
    List<Registration> all(Loaded<Event> loaded) {
        roster(loaded);
        List<Registration> all = new ArrayList<>();
        registrations.find(eq("eventId", loaded.aggregate().id())).sort(Sorts.ascending(ARRIVAL))
                .forEach(document -> all.add(document.registration()));
        return all;
    }

    /** Members still registered for the loaded event: attending, holding an offer or waiting. */
    List<String> activeMembers(Loaded<Event> loaded) {
        roster(loaded);
        List<String> members = new ArrayList<>();
        registrations.withDocumentClass(BsonDocument.class)
                .find(and(eq("eventId", loaded.aggregate().id()), in(STATUS, activeStatuses())))
                .projection(Projections.include(MEMBER)).sort(Sorts.ascending(ARRIVAL))
                .forEach(document -> members.add(document.getDocument("registration").getString("memberId").getValue()));
        return members;
    }

    /** The member's registrations, in any state, by event id. */
    Map<String, Registration> of(String memberId) {
        Map<String, Registration> found = new java.util.LinkedHashMap<>();
        registrations.find(eq(MEMBER, memberId)).limit(2000)
                .forEach(document -> found.put(document.eventId(), document.registration()));
        return found;
    }

    /** The member's place in the event's line: 1 for the first; 0 when not waiting. */
    int positionOf(String eventId, Registration registration) {
        return registration.status() == Registration.Status.WAITLISTED
                ? new StoredLineup(eventId).waitingAhead(registration.arrival()) + 1 : 0;
    }

    private static List<String> activeStatuses() {
        return List.of(Registration.Status.CONFIRMED.name(), Registration.Status.OFFERED.name(),
                Registration.Status.WAITLISTED.name());
    }

    /**
     * Registrations kept inside their event's document (as before they had documents of their own)
     * are moved out once, at start: written as their own documents, then taken from the event's, if
     * it did not change in between (else at the next start).
     */
    private void moveEmbeddedRegistrations() {
        for (Document event : eventDocuments.find(exists("registrations"))
                .projection(Projections.include("_id", "version", "registrations"))) {
            String eventId = event.getString("_id");
            long version = ((Number) event.get("version")).longValue();
            events.load(eventId).ifPresent(loaded -> {
                List<RegistrationDocument> moved = loaded.part(Embedded.class).registrations().stream()
                        .map(registration -> RegistrationDocument.of(eventId, version, registration)).toList();
                if (!moved.isEmpty()) {
                    writeUnlessNewerIsThere(moved);
                }
                eventDocuments.updateOne(and(eq("_id", eventId), eq("version", version)), Updates.unset("registrations"));
                log.info("event {}: {} registrations moved into documents of their own", eventId, moved.size());
            });
        }
    }

    /** The registrations as an event's document held them before. */
    public record Embedded(List<Registration> registrations) {

        public Embedded {
            registrations = registrations == null ? List.of() : List.copyOf(registrations);
        }
    }

    /** One event's registrations as stored, each query reading only what it asks for. */
    private final class StoredLineup implements Lineup {

        private final String eventId;
        private final Map<String, Optional<Registration>> read = new java.util.HashMap<>();

        StoredLineup(String eventId) {
            this.eventId = eventId;
        }

        /** Reads these members' registrations in one query, for a batch that asks about each. */
        void readAhead(List<String> memberIds) {
            List<String> unread = memberIds.stream().filter(member -> !read.containsKey(member)).distinct().toList();
            if (unread.isEmpty()) {
                return;
            }
            unread.forEach(member -> read.put(member, Optional.empty()));
            registrations.find(in("_id", unread.stream().map(member -> idOf(eventId, member)).toList()))
                    .forEach(document -> read.put(document.registration().memberId(), Optional.of(document.registration())));
        }

        @Override
        public Optional<Registration> of(String memberId) {
            // a roster asks again about the members it changed; one change reads each once
            return read.computeIfAbsent(memberId, member -> Optional
                    .ofNullable(registrations.find(eq("_id", idOf(eventId, member))).first())
                    .map(RegistrationDocument::registration));
        }

        @Override
        public Iterable<Registration> waitlist() {
            return registrations.find(and(eq("eventId", eventId), eq(STATUS, Registration.Status.WAITLISTED.name())))
                    .sort(Sorts.ascending(ARRIVAL)).batchSize(WAITLIST_BATCH).map(RegistrationDocument::registration);
        }

        @Override
        public List<Registration> offersLapsedBy(Instant now) {
            List<Registration> lapsed = new ArrayList<>();
            registrations.find(and(eq("eventId", eventId), eq(STATUS, Registration.Status.OFFERED.name()),
                    lte(OFFER_EXPIRES, now))).forEach(document -> lapsed.add(document.registration()));
            return lapsed;
        }

        @Override
        public int waitingAhead(long arrival) {
            return (int) registrations.countDocuments(and(eq("eventId", eventId),
                    eq(STATUS, Registration.Status.WAITLISTED.name()), lt(ARRIVAL, arrival)));
        }

        @Override
        public Optional<Instant> firstOfferExpiryExcept(Set<String> memberIds) {
            Bson offered = and(eq("eventId", eventId), eq(STATUS, Registration.Status.OFFERED.name()),
                    ne(OFFER_EXPIRES, null), nin(MEMBER, memberIds));
            return Optional.ofNullable(registrations.find(offered).sort(Sorts.ascending(OFFER_EXPIRES)).first())
                    .map(document -> document.registration().offerExpiresAt());
        }
    }
}

package nl.mboconnect.platform.events.readmodel;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.BsonValue;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import nl.mboconnect.platform.events.IncomingEvent;
import nl.mboconnect.platform.service.ErasedMembers;
import nl.mboconnect.platform.service.PersonalData;

/**
 * Another service's data, kept here from its events, so this service never has to ask it: one
 * document per record, a tolerant record of this service's own with only the fields it reads.
 * Declared once per service; the platform reads the topics and keeps it.
 *
 * <pre>{@code
 * @Bean
 * ReadModel<DirectoryEntry> memberDirectory(ReadModels readModels) {
 *     return readModels.define("member-directory", DirectoryEntry.class)
 *             .from("membership.member.v1")
 *             .keep("nl.mboconnect.membership.member.registered.v1", MemberNamed.class, MemberNamed::entry)
 *             .aboutMember("_id")
 *             .build();
 * }
 * }</pre>
 *
 * <ul>
 * <li><b>Newest event wins</b>, per record: a record takes an event at least as new as the last it
 * took, so redeliveries, replays and events out of order never turn it back.</li>
 * <li><b>Idempotent</b>: applying the same event twice leaves the same record.</li>
 * <li><b>Removal</b> leaves a tombstone with nothing but the id and the time (and the member field
 * of a read model about members), so an older event
 * replayed after it cannot bring the record back; reads never see tombstones.</li>
 * <li><b>Replayable</b>: {@link #replay()} reads the topics again from their start.</li>
 * <li><b>About members</b> ({@link Definition#aboutMember}): its records are part of the member's
 * export, and erased with them (tombstones too); once a member is erased, no event makes a record
 * about them again ({@link ErasedMembers}), however late or replayed.</li>
 * </ul>
 *
 * A field the record leaves null is not written, so an event that knows only some fields (a name
 * change) keeps what others wrote.
 */
public final class ReadModel<T extends Record> implements PersonalData {

    static final String SOURCE_EVENT_TIME = "sourceEventTime";
    static final String REMOVED = "removed";

    private final String name;
    private final Class<T> type;
    private final Set<String> topics;
    private final Map<String, Rule<?>> rules;
    private final MongoCollection<T> records;
    private final MongoCollection<BsonDocument> raw;
    private final String memberField;
    private final ErasedMembers erased;
    private volatile Runnable replay = () -> {
    };

    private ReadModel(Definition<T> definition, MongoCollection<T> collection, ErasedMembers erased) {
        this.name = definition.name;
        this.type = definition.type;
        this.topics = Set.copyOf(definition.topics);
        this.rules = Map.copyOf(definition.rules);
        this.records = collection;
        this.raw = collection.withDocumentClass(BsonDocument.class);
        this.memberField = definition.memberField;
        this.erased = erased;
        raw.createIndex(Indexes.ascending(REMOVED));
        definition.indexed.forEach(field -> raw.createIndex(Indexes.ascending(field)));
        if (memberField != null && !memberField.equals("_id")) {
            raw.createIndex(Indexes.ascending(memberField));
        }
    }

    /** What one event type does to the read model: keep (upsert) a record, or remove one. */
    private record Rule<E>(Class<E> data, Function<E, ?> effect, boolean removes) {
    }

    /** How a service declares a read model; {@link ReadModels#define} starts one. */
    public static final class Definition<T extends Record> {

        private final String name;
        private final Class<T> type;
        private final Function<Definition<T>, ReadModel<T>> builder;
        private final Set<String> topics = new LinkedHashSet<>();
        private final Map<String, Rule<?>> rules = new LinkedHashMap<>();
        private final Set<String> indexed = new LinkedHashSet<>();
        private String memberField;

        Definition(String name, Class<T> type, Function<Definition<T>, ReadModel<T>> builder) {
            this.name = name;
            this.type = type;
            this.builder = builder;
        }

        /** A topic whose events keep this read model. */
        public Definition<T> from(String topic) {
            topics.add(topic);
            return this;
        }

        /** Events of {@code eventType} upsert the record {@code record} makes of their data. */
        public <E> Definition<T> keep(String eventType, Class<E> data, Function<E, T> record) {
            rules.put(eventType, new Rule<>(data, record, false));
            return this;
        }

        /** Events of {@code eventType} remove the record with the id {@code id} reads from their data. */
        public <E> Definition<T> remove(String eventType, Class<E> data, Function<E, String> id) {
            rules.put(eventType, new Rule<>(data, id, true));
            return this;
        }

        /** Fields {@link ReadModel#where} asks by, indexed (a member's groups: {@code memberId}). */
        public Definition<T> indexedBy(String... fields) {
            indexed.addAll(List.of(fields));
            return this;
        }

        /**
         * Its records are about the member whose id is in {@code field} ({@code _id} for a directory
         * of members): they are part of that member's export ({@link PersonalData}).
         */
        public Definition<T> aboutMember(String field) {
            this.memberField = field;
            return this;
        }

        public ReadModel<T> build() {
            if (topics.isEmpty() || rules.isEmpty()) {
                throw new IllegalStateException("read model " + name + " needs a topic and an event type to keep");
            }
            return builder.apply(this);
        }

        String name() {
            return name;
        }

        Class<T> type() {
            return type;
        }
    }

    static <T extends Record> ReadModel<T> create(Definition<T> definition, MongoCollection<T> collection,
            ErasedMembers erased) {
        return new ReadModel<>(definition, collection, erased);
    }

    public String name() {
        return name;
    }

    /** Its name: a read model is a part of a member's export, empty unless its records are about members. */
    @Override
    public String part() {
        return name;
    }

    /** The records about the member, when its definition says which field names them; otherwise none. */
    @Override
    public Object export(String memberId) {
        return memberField == null ? List.of() : where(memberField, memberId, 10_000);
    }

    /**
     * Deletes every record about the member, tombstones included (a tombstone keeps the member
     * field for this, and an id made of the member's, as a group's member's is, is found by it).
     */
    @Override
    public void erase(String memberId) {
        if (memberField == null) {
            return;
        }
        raw.deleteMany(memberField.equals("_id") ? eq("_id", memberId)
                : or(eq(memberField, memberId), Filters.regex("_id", Pattern.quote(memberId))));
    }

    /** The topics it is kept from; the platform creates them and their dead-letter topics. */
    public Set<String> topics() {
        return topics;
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(records.find(and(eq("_id", id), ne(REMOVED, true))).first());
    }

    public List<T> findAll(Collection<String> ids) {
        List<T> found = new ArrayList<>();
        records.find(and(in("_id", ids), ne(REMOVED, true))).forEach(found::add);
        return found;
    }

    /**
     * Records whose {@code field} contains {@code text}, in any case, by that field; the text is
     * matched as text, never as a pattern.
     */
    public List<T> search(String field, String text, int limit) {
        List<T> found = new ArrayList<>();
        // quoted (\Q…\E, which MongoDB's PCRE knows too)
        records.find(and(Filters.regex(field, Pattern.quote(text.strip()), "i"), ne(REMOVED, true)))
                .sort(Sorts.ascending(field)).limit(limit).forEach(found::add);
        return found;
    }

    /** Records whose {@code field} equals {@code value} (a group's members, say). */
    public List<T> where(String field, Object value, int limit) {
        List<T> found = new ArrayList<>();
        records.find(and(eq(field, value), ne(REMOVED, true))).limit(limit).forEach(found::add);
        return found;
    }

    public long count() {
        return records.countDocuments(ne(REMOVED, true));
    }

    /**
     * Takes a record directly, as an event of {@code time} would (demo data, say): it yields to any
     * event newer than that.
     */
    public boolean put(T record, Instant time) {
        return upsert(encode(record), time);
    }

    /** Reads its topics again from their start; what is kept already only yields to newer events. */
    public void replay() {
        replay.run();
    }

    void onReplay(Runnable action) {
        this.replay = action;
    }

    /** Applies one event; an event type it does not keep is passed over. */
    void apply(IncomingEvent event) {
        Rule<?> rule = rules.get(event.type());
        if (rule != null) {
            apply(event, rule);
        }
    }

    private <E> void apply(IncomingEvent event, Rule<E> rule) {
        Object effect = rule.effect().apply(event.data(rule.data()));
        if (rule.removes()) {
            remove((String) effect, event.time());
        } else {
            upsert(encode(type.cast(effect)), event.time());
        }
    }

    private boolean upsert(BsonDocument record, Instant time) {
        if (aboutAnErasedMember(record)) {
            return false;
        }
        BsonValue id = record.remove("_id");
        if (id == null) {
            throw new IllegalStateException(type.getSimpleName() + " needs its id as @BsonId");
        }
        List<Bson> sets = new ArrayList<>();
        record.forEach((field, value) -> {
            if (!value.isNull()) {
                sets.add(Updates.set(field, value));
            }
        });
        sets.add(Updates.set(REMOVED, false));
        return newest(id, time, Updates.combine(sets));
    }

    /** Whether the record names a member who erased their account: it is not made again. */
    private boolean aboutAnErasedMember(BsonDocument record) {
        if (memberField == null || !record.isString(memberField)) {
            return false;
        }
        return erased.contains(record.getString(memberField).getValue());
    }

    private void remove(String id, Instant time) {
        BsonDocument existing = raw.find(eq("_id", id)).first();
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.set(REMOVED, true));
        if (existing != null) {
            existing.keySet().stream()
                    .filter(field -> !field.equals("_id") && !field.equals(SOURCE_EVENT_TIME) && !field.equals(REMOVED)
                            && !field.equals(memberField))
                    .forEach(field -> changes.add(Updates.unset(field)));
        }
        newest(new org.bson.BsonString(id), time, Updates.combine(changes));
    }

    /** Writes unless the record already reflects a newer event; returns whether it wrote. */
    private boolean newest(BsonValue id, Instant eventTime, Bson change) {
        Date time = Date.from(eventTime);
        try {
            raw.updateOne(and(eq("_id", id), or(exists(SOURCE_EVENT_TIME, false), lte(SOURCE_EVENT_TIME, time))),
                    Updates.combine(change, Updates.set(SOURCE_EVENT_TIME, time)), new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            // the filter missed an existing record, so the upsert tried to insert its id again: that
            // record reflects a newer event already
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private BsonDocument encode(T record) {
        Codec<T> codec = records.getCodecRegistry().get(type);
        BsonDocument document = new BsonDocument();
        codec.encode(new BsonDocumentWriter(document), record, EncoderContext.builder().build());
        return document;
    }
}

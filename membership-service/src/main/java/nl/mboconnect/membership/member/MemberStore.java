package nl.mboconnect.membership.member;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.events.aggregate.AggregateStore;
import nl.mboconnect.platform.events.aggregate.Aggregates;
import nl.mboconnect.platform.events.aggregate.Change;
import nl.mboconnect.platform.events.aggregate.OutgoingEvent;
import nl.mboconnect.platform.events.aggregate.StoredAggregate;
import nl.mboconnect.platform.service.ErasedMembers;
import nl.mboconnect.platform.service.PersonalData;

/**
 * Members in the collection {@code members}, one document each with its pending events beside it;
 * every change is one atomic write through the platform's {@link AggregateStore}. Profile photos
 * are documents of their own in {@code member_photos} (at most some tens of kilobytes each), so
 * reading members never reads photos.
 */
@Component
class MemberStore {

    private static final Logger log = LoggerFactory.getLogger(MemberStore.class);

    private final AggregateStore<MemberDocument> members;
    private final MongoCollection<PhotoDocument> photos;

    private final ErasedMembers erased;
    private final ApplicationEventPublisher events;

    MemberStore(Aggregates aggregates, MongoDatabase database, ErasedMembers erased, ApplicationEventPublisher events) {
        this.erased = erased;
        this.events = events;
        this.members = aggregates.store("members", MemberDocument.class, "member");
        this.photos = database.getCollection("member_photos", PhotoDocument.class);
        members.collection().createIndex(Indexes.ascending("search.name", "_id"));
        members.collection().createIndex(Indexes.ascending("membership.status", "membership.settledAt"));
        members.collection().createIndex(Indexes.ascending("membership.application.id"));
        members.collection().createIndex(Indexes.descending("updatedAt"));
    }

    /** Whether any member is stored. */
    boolean any() {
        return !members.isEmpty();
    }

    Optional<Member> find(String id) {
        return members.find(id).map(MemberDocument::toMember);
    }

    /**
     * Records a sign-in: registers the member the first time, brings the profile up to date after,
     * and takes over a {@code lid} role given or taken in the Keycloak console (as a token issued
     * after the last change here shows it). Concurrent first sign-ins (two tabs) register the member once.
     */
    Member signIn(String id, Profile profile, Token token, Instant now) {
        Member known = find(id).orElse(null);
        if (known == null) {
            if (erased.contains(id)) { // a request that was under way as they deleted their account
                throw Refusal.forbidden("this account has been removed");
            }
            Member registered = Member.register(id, profile, token.lid(), now);
            List<OutgoingEvent<?>> first = new ArrayList<>();
            first.add(OutgoingEvent.of(MemberEvents.REGISTERED, MemberEvents.MemberRegistered.of(registered)));
            first.addAll(MembershipEvents.since(null, registered));
            if (members.insert(MemberDocument.of(registered), first.toArray(OutgoingEvent[]::new))) {
                log.info("member {} registered", id);
                return registered;
            }
            known = find(id).orElseThrow(); // registered at the same moment in another tab
        }
        if (known.profile().equals(profile)
                && known.membership().seenInToken(token.lid(), token.issuedAt(), now).isEmpty()) {
            return known; // the usual sign-in: nothing to write
        }
        return renamed(known.displayName(), members.update(id, loaded -> {
            Member before = loaded.aggregate().toMember();
            Member after = before.signedInWith(profile, now).orElse(before);
            var found = after.membership().seenInToken(token.lid(), token.issuedAt(), now);
            if (found.isPresent()) {
                log.info("member {}: the lid role was {} in Keycloak", id, token.lid() ? "given" : "taken away");
                after = after.withMembership(found.get(), now);
            }
            if (after == before) {
                return Change.none(before);
            }
            return changeTo(before, after).andAnnounce(MembershipEvents.since(before.membership(), after));
        }));
    }

    /** What a member's token says that matters here: whether it carries {@code lid}, and since when. */
    record Token(boolean lid, Instant issuedAt) {
    }

    /**
     * Changes a member's membership as {@code decide} says (it throws a refusal when the rule says
     * no); the events of the change go with it.
     */
    Member changeMembership(String id, UnaryOperator<Membership> decide, Instant now) {
        return members.update(id, loaded -> {
            Member before = loaded.aggregate().toMember();
            Membership next = decide.apply(before.membership());
            if (next.equals(before.membership())) {
                return Change.none(before);
            }
            Member after = before.withMembership(next, now);
            return Change.to(MemberDocument.of(after), after, MembershipEvents.since(before.membership(), after));
        });
    }

    /** The members of these ids that exist, without their pending events (one read). */
    List<Member> all(java.util.Collection<String> ids) {
        return members.findAll(in("_id", List.copyOf(ids)), Sorts.ascending("_id"), ids.size(), "outbox").stream()
                .map(MemberDocument::toMember).toList();
    }

    /** The member whose application this is, if there is one. */
    Optional<Member> byApplication(String applicationId) {
        return members.findAll(eq("membership.application.id", applicationId), Sorts.ascending("_id"), 1, "outbox")
                .stream().findFirst().map(MemberDocument::toMember);
    }

    /** Every member, without their pending events: for counting (some thousands at most). */
    List<Member> all() {
        return members.findAll(new org.bson.Document(), Sorts.ascending("_id"), Integer.MAX_VALUE, "outbox").stream()
                .map(MemberDocument::toMember).toList();
    }

    /** How many members there are and when the last of them changed: a count is out of date when this moved. */
    Fingerprint fingerprint() {
        long count = members.collection().countDocuments();
        MemberDocument latest = members.collection().find().projection(Projections.exclude("outbox"))
                .sort(Sorts.descending("updatedAt")).limit(1).first();
        return new Fingerprint(count, latest == null ? null : latest.updatedAt());
    }

    /** @param lastChange null when there are no members */
    public record Fingerprint(long members, Instant lastChange) {
    }

    /** A page of members by name, for a beheerder: all of them, or those of one status; a name filter optional. */
    DirectoryPage memberships(Membership.Status status, String name, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (name != null) {
            filters.add(regex("search.name", Pattern.quote(searchKey(name))));
        }
        if (status != null) {
            filters.add(eq("membership.status", status.name()));
        }
        return byName(filters, page, size);
    }

    /** Members whose membership is in one of the statuses, the longest waiting first. */
    List<Member> withStatus(List<Membership.Status> statuses, int limit) {
        return members.findAll(in("membership.status", statuses.stream().map(Enum::name).toList()),
                Sorts.ascending("membership.settledAt"), limit, "outbox").stream().map(MemberDocument::toMember).toList();
    }

    /** Saves what a member tells about themselves and who sees it; a new name is published. */
    Member edit(String id, Details details, Visibility visibility, Instant now) {
        String nameBefore = find(id).map(Member::displayName).orElse(null);
        return renamed(nameBefore, members.update(id, loaded -> {
            Member before = loaded.aggregate().toMember();
            return before.edited(details, visibility, now).map(after -> changeTo(before, after))
                    .orElseGet(() -> Change.none(before));
        }));
    }

    /**
     * Tells the service's other features (groups keep names beside what members did) when the
     * written change gave the member another name. Other services hear it from the event.
     */
    private Member renamed(String nameBefore, Member after) {
        if (nameBefore != null && !nameBefore.equals(after.displayName())) {
            events.publishEvent(new Members.Renamed(after.id(), after.displayName()));
        }
        return after;
    }

    /**
     * Gives a member a new photo: the photo first, under the revision the member is about to point
     * to, then the member. A crash between the two leaves a photo nobody points to, which the next
     * upload replaces; never a member pointing to a missing photo.
     */
    Member putPhoto(String id, ProfilePhoto photo, Instant now) {
        Member before = find(id).orElseThrow(() -> Refusal.notFound("member " + id));
        long revision = before.withNewPhoto(now).photo();
        photos.replaceOne(eq("_id", id), new PhotoDocument(id, revision, photo.jpeg(), now), new ReplaceOptions().upsert(true));
        return members.update(id, loaded -> {
            Member after = loaded.aggregate().toMember().withNewPhoto(now);
            if (after.photo() != revision) { // changed in between: point to the photo just written all the same
                photos.replaceOne(eq("_id", id), new PhotoDocument(id, after.photo(), photo.jpeg(), now));
            }
            return Change.to(MemberDocument.of(after), after);
        });
    }

    /** Takes a member's photo away: the member first, so nobody is shown a photo that is going. */
    Member removePhoto(String id, Instant now) {
        Member after = members.update(id, loaded -> {
            Member before = loaded.aggregate().toMember();
            return before.hasPhoto() ? Change.to(MemberDocument.of(before.withoutPhoto(now)), before.withoutPhoto(now))
                    : Change.none(before);
        });
        photos.deleteOne(eq("_id", id));
        return after;
    }

    /**
     * Erases a member: their photo, then their document (with any of its events still pending,
     * which are about them), then their name where they decided others' applications.
     */
    void erase(String id) {
        photos.deleteOne(eq("_id", id));
        members.collection().deleteOne(eq("_id", id));
        members.replaceActor(id, PersonalData.FORMER_MEMBER_ID, PersonalData.FORMER_MEMBER_NAME,
                "membership.history.by.id");
    }

    /** The JPEG of a member's photo at a revision, if it is the one they have. */
    Optional<byte[]> photo(String id, long revision) {
        PhotoDocument found = photos.find(and(eq("_id", id), eq("revision", revision))).first();
        return Optional.ofNullable(found).map(PhotoDocument::jpeg);
    }

    /**
     * A page of the directory, by name. A filter on a field matches only members who show that
     * field to the viewer: a hidden region is not found by searching for it either.
     */
    DirectoryPage directory(DirectoryQuery query, Member.Viewer viewer) {
        List<Bson> filters = new ArrayList<>();
        if (query.name() != null) {
            filters.add(regex("search.name", Pattern.quote(searchKey(query.name()))));
        }
        if (query.organisation() != null) {
            filters.add(shown(Visibility.Field.ORGANISATION, viewer,
                    regex("search.organisation", Pattern.quote(searchKey(query.organisation())))));
        }
        if (query.region() != null) {
            filters.add(shown(Visibility.Field.REGION, viewer, eq("details.region", query.region().name())));
        }
        if (query.sector() != null) {
            filters.add(shown(Visibility.Field.SECTORS, viewer, eq("details.sectors", query.sector().name())));
        }
        if (query.theme() != null) {
            filters.add(shown(Visibility.Field.THEMES, viewer, eq("details.themes", query.theme().name())));
        }
        return byName(filters, query.page(), query.size());
    }

    /** One page of the members matching every filter, by name, without their pending events. */
    private DirectoryPage byName(List<Bson> filters, int page, int size) {
        Bson filter = filters.isEmpty() ? new org.bson.Document() : and(filters);
        long total = members.collection().countDocuments(filter);
        List<Member> found = new ArrayList<>();
        members.collection().find(filter).projection(Projections.exclude("outbox"))
                .sort(Sorts.ascending("search.name", "_id")).skip(page * size).limit(size)
                .forEach(document -> found.add(document.toMember()));
        return new DirectoryPage(found, total);
    }

    /** The condition, for a field the viewer sees: theirs, or shown to everyone signed in (or to leden). */
    private static Bson shown(Visibility.Field field, Member.Viewer viewer, Bson condition) {
        List<String> levels = viewer.lid() ? List.of(Visibility.Shown.MEMBERS.name(), Visibility.Shown.LEDEN.name())
                : List.of(Visibility.Shown.MEMBERS.name());
        String path = "visibility." + field.name().toLowerCase(Locale.ROOT);
        return and(condition, or(eq("_id", viewer.memberId()), in(path, levels)));
    }

    /** Lower case without accents, so "Ozturk" finds "Öztürk". */
    static String searchKey(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static Change<MemberDocument, Member> changeTo(Member before, Member after) {
        return Change.to(MemberDocument.of(after), after, after.isRenamedFrom(before)
                ? List.of(OutgoingEvent.of(MemberEvents.PROFILE_UPDATED, MemberEvents.MemberProfileUpdated.of(after)))
                : List.of());
    }

    /** What the directory is asked: each filter optional; pages count from 0. */
    record DirectoryQuery(String name, String organisation, Province region, Sector sector, Theme theme, int page,
            int size) {
    }

    record DirectoryPage(List<Member> members, long total) {
    }

    /** The keys the directory searches by, kept beside the member. */
    public record Search(String name, String organisation) {

        static Search of(Member member) {
            Organisation organisation = member.details().organisation();
            return new Search(searchKey(member.displayName()),
                    organisation == null || organisation.name() == null ? null : searchKey(organisation.name()));
        }
    }

    /**
     * The stored form of a member; its pending events are kept beside it. Public only because the
     * driver's record codec reads the components reflectively.
     */
    public record MemberDocument(@BsonId String id, Profile profile, Details details, Visibility visibility, Long photo,
            Membership membership, Instant registeredAt, Instant updatedAt, long version, Search search)
            implements StoredAggregate {

        static MemberDocument of(Member member) {
            return new MemberDocument(member.id(), member.profile(), member.details(), member.visibility(),
                    member.photo(), member.membership(), member.registeredAt(), member.updatedAt(), member.version(),
                    Search.of(member));
        }

        Member toMember() {
            return new Member(id, profile, details, visibility, photo, membership, registeredAt, updatedAt, version);
        }
    }

    /** A member's photo, as a JPEG; {@code revision} is the one their document points to. */
    public record PhotoDocument(@BsonId String id, long revision, byte[] jpeg, Instant updatedAt) {
    }
}

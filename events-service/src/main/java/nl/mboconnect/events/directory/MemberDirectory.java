package nl.mboconnect.events.directory;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import nl.mboconnect.platform.events.consumer.ReadModels;

/**
 * Display names of members, kept from membership-service's events, so this service can show who
 * wrote, asked or organised something without calling membership-service.
 */
@Component
public class MemberDirectory {

    private final MongoCollection<Document> members;

    MemberDirectory(MongoDatabase database) {
        this.members = database.getCollection("member_directory");
    }

    public Optional<String> displayName(String memberId) {
        return Optional.ofNullable(members.find(eq("_id", memberId)).first())
                .map(member -> member.getString("displayName"));
    }

    /** A member as the directory knows them. */
    public record Entry(String memberId, String displayName) {
    }

    /**
     * Members whose name contains the text, any case, by name: for organisers choosing invitees and
     * co-organisers. Only members who signed in once are known (membership-service told us).
     */
    public List<Entry> search(String text, int limit) {
        List<Entry> found = new ArrayList<>();
        // quoted (\Q…\E, which MongoDB's PCRE knows too): the text is matched as text, never as a pattern
        for (Document member : members.find(Filters.regex("displayName", Pattern.quote(text.strip()), "i"))
                .sort(Sorts.ascending("displayName")).limit(limit)) {
            found.add(new Entry(member.getString("_id"), member.getString("displayName")));
        }
        return found;
    }

    /** Takes the name from an event unless a newer one has been taken already. */
    public boolean remember(String memberId, String displayName, Instant eventTime) {
        return ReadModels.applyIfNewer(members, memberId, eventTime, Updates.set("displayName", displayName));
    }
}

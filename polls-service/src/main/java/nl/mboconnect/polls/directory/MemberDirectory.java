package nl.mboconnect.polls.directory;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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

    /** Takes the name from an event unless a newer one has been taken already. */
    boolean remember(String memberId, String displayName, Instant eventTime) {
        return ReadModels.applyIfNewer(members, memberId, eventTime, Updates.set("displayName", displayName));
    }
}

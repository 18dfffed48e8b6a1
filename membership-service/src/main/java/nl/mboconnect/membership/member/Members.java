package nl.mboconnect.membership.member;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The member feature as the service's other features see it (groups): who a member is and whether
 * they are {@code lid} now, as this service knows it, with no way to change them.
 */
@Component
public class Members {

    private final MemberStore store;
    private final SignIns signIns;

    Members(MemberStore store, SignIns signIns) {
        this.store = store;
        this.signIns = signIns;
    }

    /** A member's name changed (their profile, or their account at a sign-in); published after the write. */
    public record Renamed(String memberId, String name) {
    }

    /** A member: their id, the name shown for them, and whether they are lid (also while an end waits for Keycloak). */
    public record Person(String id, String name, boolean lid) {

        static Person of(Member member) {
            Membership.Status status = member.membership().status();
            return new Person(member.id(), member.displayName(),
                    status == Membership.Status.LID || status == Membership.Status.ENDING);
        }
    }

    /** The caller, signed in as any member request does (registered the first time, roles taken over from the token). */
    public Person signIn(Jwt token, HttpServletResponse response) {
        return Person.of(signIns.signIn(token, response));
    }

    /** Which of these members are lid now (also while an end waits for Keycloak), in one read. */
    public java.util.Set<String> lid(java.util.Collection<String> ids) {
        return store.all(ids).stream().map(Person::of).filter(Person::lid).map(Person::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    public Optional<Person> find(String id) {
        return store.find(id).map(Person::of);
    }
}

package nl.mboconnect.membership.member;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import nl.mboconnect.platform.domain.Roles;
import nl.mboconnect.platform.service.Caller;

/**
 * A member's request as a sign-in: registers them the first time, brings their profile and
 * membership up to date, and tells the gateway when the caller's token is older than a change to
 * their roles, so it fetches a new one before the next request ({@value #ROLES_CHANGED}).
 */
@Component
class SignIns {

    /** Response header for the gateway: this session's token carries roles from before a change. */
    static final String ROLES_CHANGED = "Mbo-Roles-Changed";

    private final MemberStore store;
    private final Clock clock;

    SignIns(MemberStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Member signIn(Jwt token, HttpServletResponse response) {
        Caller caller = Caller.of(token);
        Profile profile = new Profile(caller.username(), caller.displayName(), caller.givenName(),
                caller.familyName(), caller.email());
        boolean lid = caller.hasRole(Roles.LID);
        Member member = store.signIn(caller.id(), profile, new MemberStore.Token(lid, token.getIssuedAt()),
                clock.instant());
        tellIfOutdated(member, token, response);
        return member;
    }

    /** Sets {@value #ROLES_CHANGED} when the member's token carries roles from before the last change. */
    static void tellIfOutdated(Member member, Jwt token, HttpServletResponse response) {
        if (member.membership().outdates(Caller.of(token).hasRole(Roles.LID), token.getIssuedAt())) {
            response.setHeader(ROLES_CHANGED, "true");
        }
    }
}

package nl.mboconnect.membership.member;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.platform.service.Caller;
import nl.mboconnect.platform.service.MembersOnly;

@RestController
@RequestMapping("/api/membership/members")
class MemberResource {

    private final MemberStore store;
    private final Clock clock;

    MemberResource(MemberStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The signed-in member's own profile. The first call after a member's first sign-in registers
     * them; a later call after a name change in Keycloak brings the profile up to date.
     */
    @GetMapping("/me")
    @MembersOnly
    MemberView me(@AuthenticationPrincipal Jwt token) {
        Caller caller = Caller.of(token);
        Profile profile = new Profile(caller.username(), caller.displayName(), caller.givenName(),
                caller.familyName(), caller.email());
        Member member = store.signIn(caller.id(), profile, clock.instant());
        return MemberView.of(member, caller.platformRoles());
    }

    record MemberView(String id, String username, String displayName, String givenName, String familyName,
            String email, Set<String> roles, Instant registeredAt) {

        static MemberView of(Member member, Set<String> roles) {
            Profile profile = member.profile();
            return new MemberView(member.id(), profile.username(), profile.displayName(), profile.givenName(),
                    profile.familyName(), profile.email(), new TreeSet<>(roles), member.registeredAt());
        }
    }
}

package nl.mboconnect.gateway.session;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Tells the site who is signed in. Never shows a token. */
@RestController
class SessionResource {

    /** The roles the site knows; Keycloak's own (offline_access, …) are left out. */
    static final Set<String> PLATFORM_ROLES = Set.of("vriend", "lid", "redacteur", "beheerder", "partner");

    record SessionView(boolean authenticated, String name, String username, List<String> roles) {

        static final SessionView ANONYMOUS = new SessionView(false, null, null, List.of());
    }

    @GetMapping("/bff/session")
    Mono<SessionView> session(Mono<Authentication> authentication) {
        return authentication.filter(signedIn -> signedIn.getPrincipal() instanceof OidcUser)
                .map(SessionResource::view)
                .defaultIfEmpty(SessionView.ANONYMOUS);
    }

    private static SessionView view(Authentication authentication) {
        OidcUser member = (OidcUser) authentication.getPrincipal();
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .filter(PLATFORM_ROLES::contains)
                .sorted()
                .toList();
        String name = member.getFullName() != null ? member.getFullName() : member.getPreferredUsername();
        return new SessionView(true, name, member.getPreferredUsername(), roles);
    }
}

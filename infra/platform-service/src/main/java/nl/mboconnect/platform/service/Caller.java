package nl.mboconnect.platform.service;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import nl.mboconnect.platform.domain.Roles;

/**
 * Who is calling, read from the access token Keycloak issued: the member's id ({@code sub}), the
 * names they gave and their realm roles ({@link Roles}).
 */
public record Caller(String id, String username, String displayName, String givenName, String familyName,
        String email, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller of(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username");
        String given = jwt.getClaimAsString("given_name");
        String family = jwt.getClaimAsString("family_name");
        return new Caller(jwt.getSubject(), username, displayName(jwt.getClaimAsString("name"), given, family, username),
                given, family, jwt.getClaimAsString("email"), realmRoles(jwt));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The caller's roles that mean something here, without Keycloak's own. */
    public Set<String> platformRoles() {
        return roles.stream().filter(Roles.ALL::contains).collect(java.util.stream.Collectors.toSet());
    }

    /** Keycloak puts realm roles under {@code realm_access.roles}. */
    static Set<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        roles.forEach(role -> names.add(String.valueOf(role)));
        return names;
    }

    private static String displayName(String name, String given, String family, String username) {
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        String joined = String.join(" ", java.util.stream.Stream.of(given, family)
                .filter(part -> part != null && !part.isBlank()).toList()).strip();
        return joined.isEmpty() ? username : joined;
    }

    /** Realm roles as Spring Security authorities {@code ROLE_<role>}, for {@code hasRole('lid')}. */
    static final class RealmRoleAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

        @Override
        public Collection<GrantedAuthority> convert(Jwt jwt) {
            List<GrantedAuthority> authorities = realmRoles(jwt).stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return authorities;
        }
    }
}

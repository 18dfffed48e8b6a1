package nl.mboconnect.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

    @Test
    void aMemberIsReadFromKeycloaksClaims() {
        Caller caller = Caller.of(jwt(Map.of("preferred_username", "joris", "name", "Joris Bakker",
                "given_name", "Joris", "family_name", "Bakker", "email", "joris@example.org",
                "realm_access", Map.of("roles", List.of("vriend", "lid", "offline_access")))));

        assertThat(caller.id()).isEqualTo("subject-1");
        assertThat(caller.displayName()).isEqualTo("Joris Bakker");
        assertThat(caller.hasRole("lid")).isTrue();
        assertThat(caller.platformRoles()).containsExactlyInAnyOrder("vriend", "lid");
    }

    @Test
    void withoutAFullNameTheGivenAndFamilyNameOrElseTheUsernameIsShown() {
        assertThat(Caller.of(jwt(Map.of("preferred_username", "noor", "given_name", "Noor", "family_name",
                "El Amrani"))).displayName()).isEqualTo("Noor El Amrani");
        assertThat(Caller.of(jwt(Map.of("preferred_username", "noor"))).displayName()).isEqualTo("noor");
    }

    @Test
    void realmRolesBecomeRoleAuthorities() {
        var authorities = new Caller.RealmRoleAuthorities()
                .convert(jwt(Map.of("realm_access", Map.of("roles", List.of("vriend", "beheerder")))));

        assertThat(authorities).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_vriend", "ROLE_beheerder");
        assertThat(new Caller.RealmRoleAuthorities().convert(jwt(Map.of("scope", "openid")))).isEmpty();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("subject-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}

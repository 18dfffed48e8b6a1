package nl.mboconnect.gateway.security;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * The signed-in member as the session stores it: the same claims, but only of types that Spring
 * Security's Jackson allowlist reads back. Spring turns the {@code iss} claim into a
 * {@code java.net.URL}, which the allowlist refuses, so a stored session could not be read again.
 */
final class PlainMember {

    private PlainMember() {
    }

    static OidcUser of(Set<GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
            String nameAttribute) {
        OidcIdToken plainIdToken = new OidcIdToken(idToken.getTokenValue(), idToken.getIssuedAt(),
                idToken.getExpiresAt(), plain(idToken.getClaims()));
        OidcUserInfo plainUserInfo = userInfo == null || userInfo.getClaims().isEmpty() ? null
                : new OidcUserInfo(plain(userInfo.getClaims()));
        Set<GrantedAuthority> plainAuthorities = authorities.stream()
                .map(authority -> authority instanceof OidcUserAuthority oidc
                        ? new OidcUserAuthority(oidc.getAuthority(), plainIdToken, plainUserInfo,
                                oidc.getUserNameAttributeName())
                        : authority)
                .collect(Collectors.toSet());
        return new DefaultOidcUser(plainAuthorities, plainIdToken, plainUserInfo, nameAttribute);
    }

    static Map<String, Object> plain(Map<String, Object> claims) {
        Map<String, Object> plain = new LinkedHashMap<>();
        claims.forEach((name, value) -> plain.put(name, plainValue(value)));
        return plain;
    }

    @SuppressWarnings("unchecked")
    private static Object plainValue(Object value) {
        if (value instanceof URL || value instanceof URI) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return plain((Map<String, Object>) map);
        }
        if (value instanceof Collection<?> values) {
            return new ArrayList<>(values.stream().map(PlainMember::plainValue).toList());
        }
        return value;
    }
}

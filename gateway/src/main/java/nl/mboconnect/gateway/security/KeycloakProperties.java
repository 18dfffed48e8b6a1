package nl.mboconnect.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak is, under {@code mbo.keycloak}.
 *
 * @param url            as browsers reach it, e.g. {@code http://localhost:8180}; tokens' issuer is {@code <url>/realms/<realm>}
 * @param backchannelUrl as the gateway reaches it; the same unless a network puts Keycloak under another name (docker compose)
 */
@ConfigurationProperties("mbo.keycloak")
public record KeycloakProperties(String url, String backchannelUrl, String realm, String clientId, String clientSecret) {

    public String issuer() {
        return url + "/realms/" + realm;
    }

    public String discoveryUrl() {
        return (backchannelUrl == null || backchannelUrl.isBlank() ? url : backchannelUrl) + "/realms/" + realm
                + "/.well-known/openid-configuration";
    }
}

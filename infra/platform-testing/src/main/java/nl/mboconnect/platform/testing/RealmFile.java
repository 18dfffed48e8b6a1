package nl.mboconnect.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The realm import file and the Keycloak distribution, both from the keycloak-realm module. The
 * realm file reads the gateway's address and the clients' secrets from environment variables
 * (Keycloak resolves {@code ${VAR:default}} at import).
 */
public final class RealmFile {

    public static final String RESOURCE = "keycloak/realm-mbo-connect.json";
    public static final String GATEWAY_URL_VARIABLE = "MBO_GATEWAY_URL";
    public static final String REALM = "mbo-connect";

    private RealmFile() {
    }

    public static byte[] read() {
        try (InputStream in = resource(RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String keycloakVersion() {
        return distribution().getProperty("version");
    }

    /** The unpacked distribution the build left in the keycloak-realm module's target/. */
    public static Path distributionHome() {
        return Path.of(distribution().getProperty("home"));
    }

    private static Properties distribution() {
        Properties properties = new Properties();
        try (InputStream in = resource("keycloak/distribution.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static InputStream resource(String name) {
        InputStream in = RealmFile.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath; build infra/keycloak");
        }
        return in;
    }
}

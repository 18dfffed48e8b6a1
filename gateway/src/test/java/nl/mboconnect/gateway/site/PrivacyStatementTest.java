package nl.mboconnect.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nl.mboconnect.gateway.BackendServices;

/**
 * The privacy statement ({@code /privacy}) is written from the services' registers of personal
 * data ({@code <service>-service/PERSONAL-DATA.md}): in each language, its sections together tell
 * about every collection of every register, and name none that no register has. A collection
 * added to a register without a word on the site fails here.
 */
class PrivacyStatementTest {

    private static final Path TEXTS = Path.of("src/main/resources/static/js/about/texts.js");
    private static final Pattern HEADING = Pattern.compile("(?m)^### `([a-z_]+)`");
    private static final Pattern COVERS = Pattern.compile("covers: \\[([^\\]]*)\\]");
    private static final Pattern ITEM = Pattern.compile("'([a-z_]+/[a-z_]+)'");

    @Test
    void everyLanguageTellsAboutEveryCollectionOfEveryRegisterAndNoOther() throws IOException {
        Set<String> registered = new TreeSet<>();
        for (String service : BackendServices.NAMES) {
            Matcher heading = HEADING.matcher(Files.readString(Path.of("..", service + "-service", "PERSONAL-DATA.md")));
            while (heading.find()) {
                registered.add(service + "/" + heading.group(1));
            }
        }
        String texts = Files.readString(TEXTS);
        String privacy = texts.substring(texts.indexOf("  privacy: {"), texts.indexOf("  toegankelijkheid: {"));
        int english = privacy.indexOf("\n    en: {");

        assertThat(registered).hasSizeGreaterThan(15).contains("membership/members", "events/registrations");
        assertThat(covered(privacy.substring(0, english))).as("nl").isEqualTo(registered);
        assertThat(covered(privacy.substring(english))).as("en").isEqualTo(registered);
    }

    private static Set<String> covered(String language) {
        Set<String> covered = new TreeSet<>();
        Matcher covers = COVERS.matcher(language);
        while (covers.find()) {
            Matcher item = ITEM.matcher(covers.group(1));
            while (item.find()) {
                covered.add(item.group(1));
            }
        }
        return covered;
    }
}

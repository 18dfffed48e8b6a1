package nl.mboconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import nl.mboconnect.local.LocalPlatform;

/**
 * Profiles and the member directory in headless Chromium against the whole platform: a member
 * writes their profile, chooses who sees what and adds a photo; a friend and a member of the
 * association find them and see each what they were shown. Every page visited is checked with axe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembersIT {

    LocalPlatform platform;
    Playwright playwright;
    com.microsoft.playwright.Browser browser;

    @BeforeAll
    void start() {
        platform = RunningPlatform.get();
        playwright = Browser.playwright();
        browser = Browser.chromium(playwright);
    }

    @AfterAll
    void stop() {
        playwright.close();
    }

    @Test
    void aMemberWritesTheirProfileAndOthersFindThemAndSeeWhatTheyChose() throws IOException {
        String bio = "Docent verpleegkunde, bezig met stages in de wijk " + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext sanne = context(); BrowserContext pieter = context(); BrowserContext joris = context()) {
            Page page = Site.open(Site.signIn(sanne, platform, "sanne"), platform, "/mijn-profiel");
            assertThat(page.locator("h1")).hasText("Mijn profiel");
            assertThat(Site.seriousViolations(page)).isEmpty();

            // a photo that is no image is refused next to its field; a real one is taken
            page.locator("#photo-file").setInputFiles(new FilePayload("foto.png", "image/png",
                    "geen foto".getBytes(StandardCharsets.UTF_8)));
            page.locator("#upload-photo").click();
            assertThat(page.locator("#photo-form .field-error")).containsText("Dit is geen JPEG-, PNG- of GIF-afbeelding.");
            page.locator("#photo-file").setInputFiles(new FilePayload("foto.png", "image/png", png(900, 600)));
            page.locator("#upload-photo").click();
            assertThat(page.locator("#notice")).containsText("Je foto is geplaatst.");
            assertThat(page.locator("#photo-form img.avatar")).isVisible();

            page.getByLabel("Functie", new Page.GetByLabelOptions().setExact(true)).selectOption("INSTRUCTEUR");
            page.getByLabel("Provincie", new Page.GetByLabelOptions().setExact(true)).selectOption("ZEELAND");
            page.getByLabel("Wie ziet: Provincie").selectOption("LEDEN");
            page.getByLabel("Over mij", new Page.GetByLabelOptions().setExact(true)).fill(bio);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Profiel opslaan")).click();
            assertThat(page.locator("#notice")).containsText("Je profiel is opgeslagen.");
            assertThat(Site.seriousViolations(page)).isEmpty();

            // a friend (vriend, not lid) finds her by name, sees her bio and photo but not her province
            Page friend = Site.open(Site.signIn(pieter, platform, "pieter"), platform, "/leden?q=Sanne+de+Vries");
            assertThat(Site.seriousViolations(friend)).isEmpty();
            friend.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sanne de Vries")).click();
            friend.waitForURL("**/leden/*");
            friend.waitForSelector("body[data-ready=true]");
            assertThat(friend.locator("h1")).hasText("Sanne de Vries");
            assertThat(friend.locator(".bio")).hasText(bio);
            assertThat(friend.locator(".lead")).containsText("Instructeur");
            assertThat(friend.locator(".lead")).not().containsText("Zeeland");
            assertThat(friend.locator("img.avatar")).isVisible();
            assertThat(Site.seriousViolations(friend)).isEmpty();
            Page friendSearch = Site.open(friend, platform, "/leden?q=Sanne+de+Vries&region=ZEELAND");
            assertThat(friendSearch.locator("#members")).hasCount(0);

            // a member of the association finds her by her province too, and sees it
            Page lid = Site.open(Site.signIn(joris, platform, "joris"), platform, "/leden?q=Sanne&region=ZEELAND");
            assertThat(lid.locator("#members .member-card")).hasCount(1);
            assertThat(lid.locator("#members")).containsText("Instructeur");
            assertThat(lid.locator("#members")).containsText("Zeeland");
            assertThat(Site.seriousViolations(lid)).isEmpty();
        }
    }

    @Test
    void theDirectoryHasTheDemoColleaguesAPageAtATime() {
        try (BrowserContext noor = context()) {
            Page page = Site.open(Site.signIn(noor, platform, "noor"), platform, "/leden");
            assertThat(page.locator("#members .member-card")).not().hasCount(0);
            page.getByLabel("Provincie").selectOption("NOORD_BRABANT");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken")).click();
            page.waitForSelector("body[data-ready=true]");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*region=NOORD_BRABANT.*"));
            assertThat(page.locator("#members")).containsText("Kempen College");
            assertThat(page.locator("#members")).not().containsText("Zeeland");
            assertThat(Site.seriousViolations(page)).isEmpty();
        }
    }

    private BrowserContext context() {
        return Site.withAxe(browser.newContext(new NewContextOptions().setLocale("nl-NL")
                .setTimezoneId("Europe/Amsterdam")));
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(11, 79, 108));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(242, 169, 0));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

package nl.mboconnect.membership.member;

import static nl.mboconnect.platform.testing.TopicReader.header;
import static nl.mboconnect.platform.testing.TopicReader.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;

/** A member's own profile, what others see of it, the directory and photos: over HTTP, stored for real. */
@ServiceTest
class ProfileResourceTest {

    private static final String MEMBERS = "/api/membership/members";
    private static final String ME = MEMBERS + "/me";

    @LocalServerPort
    int port;

    private RestTestClient http;
    /** A word only this test's members have in their organisation, so the shared database's others stay out. */
    private final String school = "ROC Test " + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aMemberSavesTheirProfileAndReadsItBack() {
        var sanne = member("sanne", "vriend");
        save(sanne, profile("Sanne de Vries", "NOORD_HOLLAND", Map.of()));

        http.get().uri(ME).header(HttpHeaders.AUTHORIZATION, sanne.bearer()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.displayName").isEqualTo("Sanne de Vries")
                .jsonPath("$.details.function").isEqualTo("DOCENT")
                .jsonPath("$.details.organisation.kind").isEqualTo("SCHOOL")
                .jsonPath("$.details.organisation.name").isEqualTo(school)
                .jsonPath("$.details.region").isEqualTo("NOORD_HOLLAND")
                .jsonPath("$.details.sectors[0]").isEqualTo("HANDEL")
                .jsonPath("$.details.sectors[1]").isEqualTo("ZORG_WELZIJN_SPORT")
                .jsonPath("$.details.themes[0]").isEqualTo("VAKMANSCHAP")
                .jsonPath("$.details.bio").isEqualTo("Docent verpleegkunde en praktijkbegeleider.")
                .jsonPath("$.visibility.email").isEqualTo("ONLY_ME")
                .jsonPath("$.visibility.region").isEqualTo("MEMBERS");
    }

    @Test
    void othersSeeOnlyWhatTheMemberShowsThem() {
        var joris = member("joris", "vriend", "lid");
        save(joris, profile("Joris Bakker", "UTRECHT", Map.of("email", "LEDEN", "region", "LEDEN", "bio", "ONLY_ME")));
        var friend = member("fleur", "vriend");
        var lid = member("lotte", "vriend", "lid");

        http.get().uri(MEMBERS + "/" + joris.subjectId()).header(HttpHeaders.AUTHORIZATION, friend.bearer()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.displayName").isEqualTo("Joris Bakker")
                .jsonPath("$.function").isEqualTo("DOCENT")
                .jsonPath("$.region").doesNotExist()
                .jsonPath("$.email").doesNotExist()
                .jsonPath("$.bio").doesNotExist();
        http.get().uri(MEMBERS + "/" + joris.subjectId()).header(HttpHeaders.AUTHORIZATION, lid.bearer()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.region").isEqualTo("UTRECHT")
                .jsonPath("$.email").value(email -> assertThat((String) email).endsWith("@example.org"))
                .jsonPath("$.bio").doesNotExist();
    }

    @Test
    void theDirectoryFindsByNameOrganisationRegionSectorAndThemeAndPages() {
        var one = member("een", "vriend");
        save(one, profile("Özlem Öztürk", "GELDERLAND", Map.of()));
        var two = member("twee", "vriend");
        save(two, profile("Bram Visser", "GELDERLAND", Map.of()));
        var three = member("drie", "vriend");
        save(three, profile("Chantal Meijer", "LIMBURG", Map.of()));
        var looker = member("kijker", "vriend");

        assertThat(names(looker, "organisation=" + school)).containsExactly("Bram Visser", "Chantal Meijer", "Özlem Öztürk");
        assertThat(names(looker, "organisation=" + school + "&region=GELDERLAND")).containsExactly("Bram Visser", "Özlem Öztürk");
        assertThat(names(looker, "organisation=" + school + "&q=ozturk")).containsExactly("Özlem Öztürk");
        assertThat(names(looker, "organisation=" + school + "&sector=HANDEL&theme=VAKMANSCHAP")).hasSize(3);
        assertThat(names(looker, "organisation=" + school + "&sector=TECHNIEK_GEBOUWDE_OMGEVING")).isEmpty();

        http.get().uri(MEMBERS + "?organisation=" + school + "&size=2&page=1")
                .header(HttpHeaders.AUTHORIZATION, looker.bearer()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].displayName").isEqualTo("Özlem Öztürk");
    }

    @Test
    void aHiddenFieldIsNotFoundBySearchingForItEither() {
        var hidden = member("verborgen", "vriend");
        save(hidden, profile("Hanna Verborgen", "ZEELAND", Map.of("region", "ONLY_ME", "organisation", "LEDEN")));
        var friend = member("vriendin", "vriend");
        var lid = member("lid", "vriend", "lid");

        assertThat(names(friend, "q=Hanna Verborgen")).containsExactly("Hanna Verborgen");
        assertThat(names(friend, "q=Hanna Verborgen&region=ZEELAND")).isEmpty();
        assertThat(names(lid, "q=Hanna Verborgen&region=ZEELAND")).isEmpty();
        assertThat(names(friend, "organisation=" + school)).isEmpty();
        assertThat(names(lid, "organisation=" + school)).containsExactly("Hanna Verborgen");
        assertThat(names(hidden, "q=Hanna Verborgen&region=ZEELAND")).containsExactly("Hanna Verborgen");
    }

    @Test
    void invalidInputIsRefusedByFieldAndNothingIsSaved() {
        var pieter = member("pieter", "vriend");
        save(pieter, profile("Pieter Eerst", "DRENTHE", Map.of()));
        Map<String, Object> wrong = profile("Pieter Later", "ATLANTIS", Map.of("bio", "SOMETIMES"));
        wrong.put("sectors", List.of("HANDEL", "RUIMTEVAART"));

        http.put().uri(ME + "/profile").header(HttpHeaders.AUTHORIZATION, pieter.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(wrong).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'region')].code").isEqualTo("unknown-value")
                .jsonPath("$.errors[?(@.field == 'sectors[1]')].code").isEqualTo("unknown-value")
                .jsonPath("$.errors[?(@.field == 'visibility.bio')].code").isEqualTo("unknown-value");
        Map<String, Object> tooLong = profile("Pieter Later", "DRENTHE", Map.of());
        tooLong.put("bio", "x".repeat(1001));
        tooLong.put("organisation", Map.of("name", "Alleen een naam"));
        http.put().uri(ME + "/profile").header(HttpHeaders.AUTHORIZATION, pieter.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(tooLong).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'organisation.kind')].code").isEqualTo("required");
        http.put().uri(ME + "/profile").header(HttpHeaders.AUTHORIZATION, pieter.bearer())
                .contentType(MediaType.APPLICATION_JSON).body("{\"displayName\": [").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        http.get().uri(ME).header(HttpHeaders.AUTHORIZATION, pieter.bearer()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.displayName").isEqualTo("Pieter Eerst")
                .jsonPath("$.details.region").isEqualTo("DRENTHE");
    }

    @Test
    void aNameChosenOnTheProfileIsPublishedForTheOtherServices() {
        var noor = member("noor", "vriend");
        me(noor);
        try (TopicReader topic = TopicReader.fromNow(TestInfrastructure.kafka().bootstrapServers(), MemberEvents.TOPIC)) {
            save(noor, profile("Noor van Dijk", "FLEVOLAND", Map.of()));

            var updated = topic.await(r -> noor.subjectId().equals(r.key()), Duration.ofSeconds(10));
            assertThat(header(updated, "ce_type")).isEqualTo(MemberEvents.PROFILE_UPDATED.type());
            assertThat(value(updated)).contains("\"displayName\":\"Noor van Dijk\"").doesNotContain(school);
        }
    }

    @Test
    void aPhotoIsStoredSmallShownAsChosenAndRemoved() throws Exception {
        var olga = member("olga", "vriend");
        me(olga);
        String photoUrl = http.put().uri(ME + "/photo").header(HttpHeaders.AUTHORIZATION, olga.bearer())
                .contentType(MediaType.IMAGE_PNG).body(ProfilePhotoTest.image("png", 1200, 900)).exchange()
                .expectStatus().isOk().returnResult(MemberResource.MemberView.class).getResponseBody().photoUrl();
        assertThat(photoUrl).startsWith(MEMBERS + "/" + olga.subjectId() + "/photo?v=");
        var other = member("ander", "vriend");

        byte[] jpeg = http.get().uri(photoUrl).header(HttpHeaders.AUTHORIZATION, other.bearer()).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_JPEG)
                .returnResult(byte[].class).getResponseBody();
        assertThat(ProfilePhoto.formatOf(jpeg)).isEqualTo("jpeg");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg)).getWidth()).isEqualTo(512);

        save(olga, profile("Olga Smit", "UTRECHT", Map.of("photo", "ONLY_ME")));
        http.get().uri(photoUrl).header(HttpHeaders.AUTHORIZATION, other.bearer()).exchange()
                .expectStatus().isNotFound();
        http.get().uri(MEMBERS + "/" + olga.subjectId()).header(HttpHeaders.AUTHORIZATION, other.bearer()).exchange()
                .expectBody().jsonPath("$.photoUrl").doesNotExist();
        http.get().uri(photoUrl).header(HttpHeaders.AUTHORIZATION, olga.bearer()).exchange().expectStatus().isOk();

        http.delete().uri(ME + "/photo").header(HttpHeaders.AUTHORIZATION, olga.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.photoUrl").doesNotExist();
        http.get().uri(photoUrl).header(HttpHeaders.AUTHORIZATION, olga.bearer()).exchange().expectStatus().isNotFound();
    }

    @Test
    void somethingThatIsNoImageOrTooBigIsRefusedAndTheOldPhotoStays() throws Exception {
        var kees = member("kees", "vriend");
        me(kees);
        String photoUrl = http.put().uri(ME + "/photo").header(HttpHeaders.AUTHORIZATION, kees.bearer())
                .contentType(MediaType.IMAGE_JPEG).body(ProfilePhotoTest.image("jpeg", 300, 300)).exchange()
                .expectStatus().isOk().returnResult(MemberResource.MemberView.class).getResponseBody().photoUrl();

        http.put().uri(ME + "/photo").header(HttpHeaders.AUTHORIZATION, kees.bearer())
                .contentType(MediaType.IMAGE_JPEG).body("<html>geen foto</html>".getBytes()).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("not-an-image");
        byte[] huge = new byte[ProfilePhoto.MAX_BYTES + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        http.put().uri(ME + "/photo").header(HttpHeaders.AUTHORIZATION, kees.bearer())
                .contentType(MediaType.IMAGE_JPEG).body(huge).exchange()
                .expectStatus().isEqualTo(413).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/photo-too-large");

        http.get().uri(ME).header(HttpHeaders.AUTHORIZATION, kees.bearer()).exchange()
                .expectBody().jsonPath("$.photoUrl").isEqualTo(photoUrl);
        http.get().uri(photoUrl).header(HttpHeaders.AUTHORIZATION, kees.bearer()).exchange().expectStatus().isOk();
    }

    @Test
    void anUnknownMemberOrAWrongFilterIsAClearAnswer() {
        var looker = member("zoeker", "vriend");
        http.get().uri(MEMBERS + "/nobody-" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, looker.bearer())
                .exchange().expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri(MEMBERS + "?region=MARS").header(HttpHeaders.AUTHORIZATION, looker.bearer())
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("region");
        http.get().uri(MEMBERS + "?size=1000").header(HttpHeaders.AUTHORIZATION, looker.bearer())
                .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private TestTokens.Builder member(String name, String... roles) {
        return TestTokens.member(name + "-" + UUID.randomUUID(), roles);
    }

    private void me(TestTokens.Builder who) {
        http.get().uri(ME).header(HttpHeaders.AUTHORIZATION, who.bearer()).exchange().expectStatus().isOk();
    }

    private void save(TestTokens.Builder who, Map<String, Object> body) {
        http.put().uri(ME + "/profile").header(HttpHeaders.AUTHORIZATION, who.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isOk();
    }

    private List<String> names(TestTokens.Builder who, String query) {
        return http.get().uri(MEMBERS + "?" + query).header(HttpHeaders.AUTHORIZATION, who.bearer()).exchange()
                .expectStatus().isOk().returnResult(DirectoryResource.DirectoryView.class).getResponseBody()
                .items().stream().map(MemberCard::displayName).toList();
    }

    private Map<String, Object> profile(String name, String region, Map<String, String> visibility) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", name);
        body.put("function", "DOCENT");
        body.put("organisation", Map.of("kind", "SCHOOL", "name", school));
        body.put("region", region);
        body.put("sectors", List.of("ZORG_WELZIJN_SPORT", "HANDEL"));
        body.put("themes", List.of("VAKMANSCHAP", "SAMENWERKING"));
        body.put("bio", "Docent verpleegkunde en praktijkbegeleider.");
        body.put("visibility", visibility);
        return body;
    }
}

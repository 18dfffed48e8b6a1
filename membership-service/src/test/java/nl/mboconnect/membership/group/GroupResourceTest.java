package nl.mboconnect.membership.group;

import static nl.mboconnect.platform.testing.TopicReader.header;
import static nl.mboconnect.platform.testing.TopicReader.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import nl.mboconnect.platform.testing.EventContracts;
import nl.mboconnect.platform.testing.ServiceTest;
import nl.mboconnect.platform.testing.TestInfrastructure;
import nl.mboconnect.platform.testing.TestTokens;
import nl.mboconnect.platform.testing.TopicReader;

/**
 * Groups over HTTP, stored for real: the four kinds, requests and invitations, moderators, a secret
 * group invisible to whoever is not in it, exact counts under parallel requests, leden-only groups
 * losing whoever is lid no more, and the events every change of membership publishes.
 */
@ServiceTest
class GroupResourceTest {

    private static final String GROUPS = "/api/membership/groups";

    @LocalServerPort
    int port;

    @Autowired
    LedenGroups ledenGroups;

    private RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aMemberMakesAnOpenGroupOthersJoinAndLeaveAndEveryChangeIsPublished() {
        var sanne = member("sanne", "vriend");
        var joris = member("joris", "vriend", "lid");
        try (TopicReader topic = TopicReader.fromNow(TestInfrastructure.kafka().bootstrapServers(), GroupEvents.TOPIC)) {
            String group = groupId(sanne, create(sanne, "Docenten techniek " + UUID.randomUUID(), "OPEN"));
            call(sanne, HttpMethod.GET, GROUPS + "/" + group, null).expectStatus().isOk().expectBody()
                    .jsonPath("$.kind").isEqualTo("OPEN").jsonPath("$.me.role").isEqualTo("OWNER")
                    .jsonPath("$.memberCount").isEqualTo(1).jsonPath("$.mayModerate").isEqualTo(true)
                    .jsonPath("$.mayLeave").isEqualTo(false);
            call(joris, HttpMethod.GET, GROUPS + "/" + group, null).expectStatus().isOk().expectBody()
                    .jsonPath("$.mayJoin").isEqualTo(true).jsonPath("$.me.status").isEqualTo("NONE");
            call(joris, HttpMethod.POST, GROUPS + "/" + group + "/membership", null).expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("MEMBER").jsonPath("$.role").isEqualTo("MEMBER");
            call(joris, HttpMethod.POST, GROUPS + "/" + group + "/membership", null).expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                    .jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/already-member");
            call(sanne, HttpMethod.GET, GROUPS + "/" + group + "/members", null).expectStatus().isOk().expectBody()
                    .jsonPath("$.total").isEqualTo(2).jsonPath("$.items[0].role").isEqualTo("OWNER")
                    .jsonPath("$.items[1].memberId").isEqualTo(joris.subjectId());
            call(joris, HttpMethod.DELETE, GROUPS + "/" + group + "/membership", null).expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("GONE");
            call(sanne, HttpMethod.DELETE, GROUPS + "/" + group + "/membership", null).expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/owner-stays");

            var records = topic.awaitCount(r -> r.key().startsWith(group), 4, Duration.ofSeconds(10));
            // each member's events about the group share a key, so they come in order
            assertThat(records).extracting(r -> r.key() + " " + header(r, "ce_type")).containsExactlyInAnyOrder(
                    group + " " + GroupEvents.CREATED.type(),
                    group + ":" + sanne.subjectId() + " " + GroupEvents.JOINED.type(),
                    group + ":" + joris.subjectId() + " " + GroupEvents.JOINED.type(),
                    group + ":" + joris.subjectId() + " " + GroupEvents.LEFT.type());
            assertThat(records).filteredOn(r -> r.key().endsWith(joris.subjectId())).extracting(r -> header(r, "ce_type"))
                    .containsExactly(GroupEvents.JOINED.type(), GroupEvents.LEFT.type());
            records.forEach(r -> assertThat(EventContracts.violations(header(r, "ce_type"), value(r))).isEmpty());
            assertThat(records).filteredOn(r -> GroupEvents.LEFT.type().equals(header(r, "ce_type")))
                    .singleElement().satisfies(r -> assertThat(value(r)).contains("\"how\":\"LEFT\""));
        }
    }

    @Test
    void aGroupWithoutNameOrKindOrWithATakenNameIsRefusedAndNothingIsStored() {
        var fleur = member("fleur", "vriend");
        String name = "Praktijkopleiders zorg " + UUID.randomUUID();
        create(fleur, " ", "SOMETIMES").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.errors[?(@.field == 'name')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'kind')].code").isEqualTo("unknown-value");
        call(fleur, HttpMethod.POST, GROUPS, Map.of("name", "x".repeat(81), "description", "y".repeat(1001)))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'name')].code").isEqualTo("too-long")
                .jsonPath("$.errors[?(@.field == 'description')].code").isEqualTo("too-long")
                .jsonPath("$.errors[?(@.field == 'kind')].code").isEqualTo("required");
        http.post().uri(GROUPS).header(HttpHeaders.AUTHORIZATION, fleur.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": ").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        create(fleur, name, "SECRET").expectStatus().isForbidden();
        create(fleur, name, "LEDEN").expectStatus().isForbidden();
        call(fleur, HttpMethod.GET, GROUPS + "?q=" + name, null).expectBody().jsonPath("$.total").isEqualTo(0);

        create(fleur, name, "CLOSED").expectStatus().isCreated();
        create(member("ander", "vriend"), "  " + name.toUpperCase() + " ", "OPEN").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/name-taken");
        call(fleur, HttpMethod.GET, GROUPS + "?q=" + name, null).expectBody().jsonPath("$.total").isEqualTo(1);
        call(fleur, HttpMethod.GET, GROUPS + "?kind=BIG", null).expectStatus().isBadRequest();
        call(fleur, HttpMethod.GET, GROUPS + "/no-such-group", null).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aClosedGroupTakesARequestWhichAModeratorApprovesOrRejectsWithAReason() {
        var owner = member("anouk", "vriend");
        var ilse = member("ilse", "vriend");
        var outsider = member("buiten", "vriend");
        String group = groupId(owner, create(owner, "Loopbaan begeleiders " + UUID.randomUUID(), "CLOSED"));
        String base = GROUPS + "/" + group;

        call(ilse, HttpMethod.GET, base, null).expectBody().jsonPath("$.mayRequest").isEqualTo(true)
                .jsonPath("$.mayJoin").isEqualTo(false);
        call(ilse, HttpMethod.POST, base + "/membership", Map.of("message", "x".repeat(501))).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("message");
        call(ilse, HttpMethod.POST, base + "/membership", Map.of("message", "Ik begeleid studenten in Zwolle."))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REQUESTED");
        call(ilse, HttpMethod.GET, base + "/members", null).expectStatus().isForbidden();
        call(outsider, HttpMethod.GET, base + "/requests", null).expectStatus().isForbidden();
        call(owner, HttpMethod.GET, base + "/requests", null).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].message").isEqualTo("Ik begeleid studenten in Zwolle.");

        String decision = base + "/requests/" + ilse.subjectId();
        call(outsider, HttpMethod.POST, decision + "/approval", null).expectStatus().isForbidden();
        call(owner, HttpMethod.POST, decision + "/rejection", Map.of()).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("reason").jsonPath("$.errors[0].code").isEqualTo("required");
        call(owner, HttpMethod.POST, decision + "/rejection", Map.of("reason", "Alleen voor begeleiders uit Overijssel."))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REJECTED");
        call(ilse, HttpMethod.GET, "/api/membership/members/me/groups", null).expectStatus().isOk().expectBody()
                .jsonPath("$[0].me.status").isEqualTo("REJECTED")
                .jsonPath("$[0].me.reason").isEqualTo("Alleen voor begeleiders uit Overijssel.");
        call(owner, HttpMethod.POST, decision + "/approval", null).expectStatus().isEqualTo(409);

        call(ilse, HttpMethod.POST, base + "/membership", Map.of("message", "Zwolle ligt in Overijssel!"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REQUESTED");
        call(owner, HttpMethod.POST, decision + "/approval", null).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("MEMBER");
        call(ilse, HttpMethod.GET, base + "/members", null).expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(2);
        call(owner, HttpMethod.POST, base + "/requests/" + UUID.randomUUID() + "/approval", null).expectStatus().isNotFound();
    }

    @Test
    void aSecretGroupIsSeenOnlyByItsMembersAndWhomTheyInvite() {
        var noor = member("noor", "vriend", "redacteur");
        var bram = member("bram", "vriend", "lid");
        var pieter = member("pieter", "vriend", "beheerder");
        String name = "Bestuurstafel " + UUID.randomUUID();
        String group = groupId(noor, create(noor, name, "SECRET"));
        String base = GROUPS + "/" + group;
        call(bram, HttpMethod.GET, "/api/membership/members/me", null).expectStatus().isOk();

        for (var outsider : List.of(bram, pieter)) {
            call(outsider, HttpMethod.GET, GROUPS + "?q=" + name, null).expectBody().jsonPath("$.total").isEqualTo(0);
            call(outsider, HttpMethod.GET, GROUPS + "?kind=SECRET&size=100", null).expectBody()
                    .jsonPath("$.items[?(@.id == '" + group + "')]").isEmpty();
            call(outsider, HttpMethod.GET, base, null).expectStatus().isNotFound();
            call(outsider, HttpMethod.GET, base + "/members", null).expectStatus().isNotFound();
            call(outsider, HttpMethod.POST, base + "/membership", null).expectStatus().isNotFound();
            call(outsider, HttpMethod.GET, base + "/requests", null).expectStatus().isNotFound();
        }
        create(noor, name, "OPEN").expectStatus().isEqualTo(409); // the name is taken, though nobody else sees by whom

        call(noor, HttpMethod.POST, base + "/invitations", Map.of()).expectStatus().isBadRequest();
        call(noor, HttpMethod.POST, base + "/invitations", Map.of("memberId", UUID.randomUUID().toString()))
                .expectStatus().isNotFound();
        call(noor, HttpMethod.POST, base + "/invitations", Map.of("memberId", bram.subjectId())).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("INVITED");
        call(bram, HttpMethod.GET, GROUPS + "?q=" + name, null).expectBody().jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].me.invitedBy").exists().jsonPath("$.items[0].mayJoin").isEqualTo(true);
        call(bram, HttpMethod.POST, base + "/membership", null).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("MEMBER");
        call(bram, HttpMethod.GET, base + "/members", null).expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(2);
        call(pieter, HttpMethod.GET, base, null).expectStatus().isNotFound();
    }

    /**
     * The owner and a moderator rename the group and change its description; a member of it may
     * not; a name another group has is 409 {@code name-taken} (case and spaces aside) and changes
     * nothing; its kind stays; bad input is 400; the change is published.
     */
    @Test
    void itsModeratorsRenameAGroupToANameNoOtherGroupHasAndItsKindStays() {
        var owner = member("eigenaar", "vriend");
        var moderator = member("moderator", "vriend");
        var member = member("deelnemer", "vriend");
        String taken = "Docenten economie " + UUID.randomUUID();
        groupId(member("ander", "vriend"), create(member("ander", "vriend"), taken, "OPEN"));
        String group = groupId(owner, create(owner, "Docenten handel " + UUID.randomUUID(), "OPEN"));
        String base = GROUPS + "/" + group;
        for (var someone : List.of(moderator, member)) {
            call(someone, HttpMethod.POST, base + "/membership", null).expectStatus().isOk();
        }
        call(owner, HttpMethod.PUT, base + "/members/" + moderator.subjectId() + "/role", Map.of("role", "MODERATOR"))
                .expectStatus().isOk();
        String renamed = "Docenten handel en economie " + UUID.randomUUID();

        try (TopicReader topic = TopicReader.fromNow(TestInfrastructure.kafka().bootstrapServers(), GroupEvents.TOPIC)) {
            call(owner, HttpMethod.PUT, base, Map.of("name", renamed, "description", "Handel, economie en ondernemen."))
                    .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo(renamed)
                    .jsonPath("$.description").isEqualTo("Handel, economie en ondernemen.").jsonPath("$.kind").isEqualTo("OPEN");
            topic.await(record -> group.equals(record.key())
                    && GroupEvents.UPDATED.type().equals(TopicReader.header(record, "ce_type")), Duration.ofSeconds(10));
        }
        call(moderator, HttpMethod.PUT, base, Map.of("name", renamed, "description", "Voor docenten handel."))
                .expectStatus().isOk().expectBody().jsonPath("$.description").isEqualTo("Voor docenten handel.");
        call(member, HttpMethod.PUT, base, Map.of("name", "Van mij " + UUID.randomUUID())).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        call(owner, HttpMethod.PUT, base, Map.of("name", " " + taken.toUpperCase() + " ")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/name-taken");
        call(owner, HttpMethod.PUT, base, Map.of("name", "x".repeat(81), "description", "y".repeat(1001)))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'name')].code").isEqualTo("too-long")
                .jsonPath("$.errors[?(@.field == 'description')].code").isEqualTo("too-long");
        call(owner, HttpMethod.PUT, base, Map.of("name", renamed, "kind", "SECRET")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("kind-fixed");
        call(owner, HttpMethod.PUT, GROUPS + "/no-such-group", Map.of("name", "Iets")).expectStatus().isNotFound();
        call(member, HttpMethod.GET, base, null).expectBody().jsonPath("$.name").isEqualTo(renamed)
                .jsonPath("$.description").isEqualTo("Voor docenten handel.").jsonPath("$.kind").isEqualTo("OPEN");
        call(member, HttpMethod.GET, GROUPS + "?q=" + taken, null).expectBody().jsonPath("$.total").isEqualTo(1);
    }

    /** A member who takes another name is shown by it in the groups they are in and the groups they own. */
    @Test
    void aMemberWhoRenamesThemselvesIsShownByTheNewNameInTheirGroups() {
        var owner = member("eigenaar", "vriend");
        var joiner = member("deelnemer", "vriend");
        String group = groupId(owner, create(owner, "Docenten zorg " + UUID.randomUUID(), "OPEN"));
        call(joiner, HttpMethod.POST, GROUPS + "/" + group + "/membership", null).expectStatus().isOk();
        String newName = "Hanna de Wit " + UUID.randomUUID().toString().substring(0, 6);
        String ownerName = "Kees Bos " + UUID.randomUUID().toString().substring(0, 6);

        call(joiner, HttpMethod.PUT, "/api/membership/members/me/profile", Map.of("displayName", newName))
                .expectStatus().isOk();
        call(owner, HttpMethod.PUT, "/api/membership/members/me/profile", Map.of("displayName", ownerName))
                .expectStatus().isOk();

        call(owner, HttpMethod.GET, GROUPS + "/" + group + "/members", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.memberId == '" + joiner.subjectId() + "')].name").isEqualTo(newName)
                .jsonPath("$.items[?(@.memberId == '" + owner.subjectId() + "')].name").isEqualTo(ownerName);
        call(joiner, HttpMethod.GET, GROUPS + "/" + group, null).expectBody().jsonPath("$.owner").isEqualTo(ownerName);
    }

    @Test
    void theOwnerNamesModeratorsWhoDecideButDoNotTakeOutEachOther() {
        var owner = member("eigenaar", "vriend");
        var moderator = member("moderator", "vriend");
        var second = member("tweede", "vriend");
        var asker = member("vrager", "vriend");
        String group = groupId(owner, create(owner, "Kennisdeling bouw " + UUID.randomUUID(), "CLOSED"));
        String base = GROUPS + "/" + group;
        for (var someone : List.of(moderator, second)) {
            call(owner, HttpMethod.POST, base + "/invitations", Map.of("memberId", registered(someone))).expectStatus().isCreated();
            call(someone, HttpMethod.POST, base + "/membership", null).expectStatus().isOk();
        }
        call(owner, HttpMethod.PUT, base + "/members/" + moderator.subjectId() + "/role", Map.of("role", "BOSS"))
                .expectStatus().isBadRequest();
        call(owner, HttpMethod.PUT, base + "/members/" + moderator.subjectId() + "/role", Map.of("role", "OWNER"))
                .expectStatus().isEqualTo(409);
        for (var someone : List.of(moderator, second)) {
            call(owner, HttpMethod.PUT, base + "/members/" + someone.subjectId() + "/role", Map.of("role", "MODERATOR"))
                    .expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("MODERATOR");
        }
        call(moderator, HttpMethod.PUT, base + "/members/" + second.subjectId() + "/role", Map.of("role", "MEMBER"))
                .expectStatus().isForbidden();
        call(moderator, HttpMethod.DELETE, base + "/members/" + second.subjectId(), null).expectStatus().isForbidden();
        call(moderator, HttpMethod.DELETE, base + "/members/" + owner.subjectId(), null).expectStatus().isEqualTo(409);

        call(asker, HttpMethod.POST, base + "/membership", null).expectStatus().isOk();
        call(moderator, HttpMethod.POST, base + "/requests/" + asker.subjectId() + "/approval", null).expectStatus().isOk();
        call(moderator, HttpMethod.DELETE, base + "/members/" + asker.subjectId(), null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("GONE");
        call(owner, HttpMethod.DELETE, base + "/members/" + second.subjectId(), null).expectStatus().isOk();
        call(owner, HttpMethod.GET, base + "/members", null).expectBody().jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].role").isEqualTo("OWNER").jsonPath("$.items[1].role").isEqualTo("MODERATOR");
    }

    @Test
    void twoHundredRequestsAtOnceFromOneMemberLeaveOneAndFromTwoHundredMembersLeaveTwoHundred() throws Exception {
        var owner = member("drukte", "vriend");
        String group = groupId(owner, create(owner, "Drukke groep " + UUID.randomUUID(), "CLOSED"));
        String join = GROUPS + "/" + group + "/membership";
        var lotte = member("lotte", "vriend");
        String token = lotte.bearer();
        List<Callable<Integer>> same = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<String, String> body = Map.of("message", "Verzoek " + i);
            same.add(() -> status(token, join, body));
        }
        List<Integer> statuses = all(same);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(199);
        call(owner, HttpMethod.GET, GROUPS + "/" + group + "/requests", null).expectBody().jsonPath("$.total").isEqualTo(1);

        List<Callable<Integer>> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String bearer = member("drukte-" + i, "vriend").bearer();
            many.add(() -> status(bearer, join, Map.of("message", "Graag!")));
        }
        assertThat(all(many)).containsOnly(200).hasSize(200);
        call(owner, HttpMethod.GET, GROUPS + "/" + group + "/requests?size=100", null).expectBody()
                .jsonPath("$.total").isEqualTo(201).jsonPath("$.items.length()").isEqualTo(100);
    }

    @Test
    void onlyALidJoinsALedenGroupAndWhoIsLidNoMoreIsTakenOut() throws Exception {
        var pieter = member("beheer", "vriend", "beheerder");
        String group = groupId(pieter, create(pieter, "Leden van de vereniging " + UUID.randomUUID(), "LEDEN"));
        String join = GROUPS + "/" + group + "/membership";
        var vriend = member("vriend", "vriend");
        call(vriend, HttpMethod.POST, join, null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("https://mboconnect.nl/problems/lid-only");
        var wouter = member("wouter", "vriend", "lid").issuedAt(Instant.now().minusSeconds(60));
        call(wouter, HttpMethod.POST, join, null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("MEMBER");
        assertThat(ledenGroups.check()).isZero();

        try (TopicReader topic = TopicReader.fromNow(TestInfrastructure.kafka().bootstrapServers(), GroupEvents.TOPIC)) {
            // the role taken away in the Keycloak console: a newer token without it says so
            wouter.roles("vriend").issuedAt(Instant.now().plusSeconds(1));
            call(wouter, HttpMethod.GET, "/api/membership/members/me/membership", null).expectBody()
                    .jsonPath("$.status").isEqualTo("VRIEND");
            assertThat(ledenGroups.check()).isGreaterThanOrEqualTo(1);
            var left = topic.await(r -> (group + ":" + wouter.subjectId()).equals(r.key()), Duration.ofSeconds(10));
            assertThat(header(left, "ce_type")).isEqualTo(GroupEvents.LEFT.type());
            assertThat(value(left)).contains("NOT_LID");
        }
        call(wouter, HttpMethod.GET, GROUPS + "/" + group, null).expectBody().jsonPath("$.me.status").isEqualTo("GONE")
                .jsonPath("$.mayJoin").isEqualTo(true);
        call(pieter, HttpMethod.GET, GROUPS + "/" + group + "/members", null).expectBody().jsonPath("$.total").isEqualTo(1);
    }

    private static TestTokens.Builder member(String name, String... roles) {
        return TestTokens.member(name + "-" + UUID.randomUUID(), roles);
    }

    private RestTestClient.ResponseSpec create(TestTokens.Builder who, String name, String kind) {
        return call(who, HttpMethod.POST, GROUPS, Map.of("name", name, "description", "Voor wie het vak deelt.", "kind", kind));
    }

    /** The id of the group a creation answered. */
    private static String groupId(TestTokens.Builder who, RestTestClient.ResponseSpec created) {
        return (String) created.expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id");
    }

    /** The member, signed in once so that they can be invited; their id. */
    private String registered(TestTokens.Builder who) {
        call(who, HttpMethod.GET, "/api/membership/members/me", null).expectStatus().isOk();
        return who.subjectId();
    }

    private RestTestClient.ResponseSpec call(TestTokens.Builder who, HttpMethod method, String uri, Object body) {
        var request = http.method(method).uri(uri).header(HttpHeaders.AUTHORIZATION, who.bearer());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange();
    }

    private int status(String bearer, String uri, Object body) {
        return http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange().returnResult(String.class).getStatus().value();
    }

    private static List<Integer> all(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}

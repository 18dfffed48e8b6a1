package nl.mboconnect.membership.member;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.Violation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo profiles of the local run ({@code mbo.demo.enabled=true}, which {@code LocalPlatform}
 * sets; off by default and in tests): the four demo accounts and some fictional colleagues, with the
 * ids events-service's demo gives them, so the directory has people in it from the first visit.
 * Added once, while no member has signed in yet; through the same store as a sign-in and an edit.
 */
@Component
@ConditionalOnBooleanProperty("mbo.demo.enabled")
class DemoMembers {

    private static final Logger log = LoggerFactory.getLogger(DemoMembers.class);

    private final MemberStore store;
    private final Clock clock;

    DemoMembers(MemberStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * One demo member as {@code resources/demo/members.json} writes it; fictional people have no username or id.
     * {@code lid}: a member of the association; {@code applies}: the motivation of their open application.
     */
    record DemoMember(String username, String id, String name, String email, String function,
            Map<String, String> organisation, String region, List<String> sectors, List<String> themes, String bio,
            Map<String, String> visibility, Boolean lid, String applies) {

        String memberId() {
            // as events-service's demo names its fictional people
            return id != null ? id : UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
        }

        Profile profile() {
            int space = name.indexOf(' ');
            String login = username != null ? username
                    : Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                            .replaceAll("[^a-z]+", ".");
            return new Profile(login, name, name.substring(0, space), name.substring(space + 1), email);
        }

        /** What they tell about themselves, read as the profile form's would be; refused when not valid. */
        Details details() {
            List<Violation> violations = new ArrayList<>();
            Details details = new MemberResource.ProfileRequest(null, function,
                    organisation == null ? null
                            : new MemberResource.OrganisationRequest(organisation.get("kind"), organisation.get("name")),
                    region, sectors, themes, bio, null).read(violations);
            Refusal.requireNone(violations);
            return details;
        }

        Visibility shown() {
            Map<String, String> chosen = visibility == null ? Map.of() : visibility;
            List<Violation> violations = new ArrayList<>();
            Visibility shown = new MemberResource.VisibilityRequest(chosen.get("email"), chosen.get("function"),
                    chosen.get("organisation"), chosen.get("region"), chosen.get("sectors"), chosen.get("themes"),
                    chosen.get("bio"), chosen.get("photo")).read(violations);
            Refusal.requireNone(violations);
            return shown;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0) // before the demo groups, which are made of these members
    void seedWhenReady() {
        try {
            int seeded = seed(read());
            log.info(seeded == 0 ? "members stored already: no demo members added" : "{} demo members added", seeded);
        } catch (RuntimeException e) {
            log.error("the demo members could not be added", e);
        }
    }

    int seed(List<DemoMember> demo) {
        if (store.any()) {
            return 0;
        }
        Instant now = clock.instant();
        for (int i = 0; i < demo.size(); i++) {
            DemoMember member = demo.get(i);
            Instant joined = now.minus(Duration.ofDays(7L * (demo.size() - i)));
            store.signIn(member.memberId(), member.profile(), new MemberStore.Token(Boolean.TRUE.equals(member.lid()), null), joined);
            store.edit(member.memberId(), member.details(), member.shown(), joined.plus(Duration.ofHours(1)));
            if (member.applies() != null) { // an application waiting for a beheerder
                Instant applied = now.minus(Duration.ofDays(demo.size() - i));
                Membership.Actor self = new Membership.Actor(member.memberId(), member.name());
                store.changeMembership(member.memberId(), membership -> membership.applied(self,
                        UUID.nameUUIDFromBytes(("application " + member.name()).getBytes(StandardCharsets.UTF_8))
                                .toString(), member.applies(), member.details().organisation().name(), applied),
                        applied);
            }
        }
        return demo.size();
    }

    static List<DemoMember> read() {
        try (InputStream in = DemoMembers.class.getResourceAsStream("/demo/members.json")) {
            if (in == null) {
                throw new IllegalStateException("demo/members.json is not on the classpath");
            }
            return JsonMapper.builder().build().readValue(in, new TypeReference<List<DemoMember>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

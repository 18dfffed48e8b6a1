package nl.mboconnect.membership.group;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.mboconnect.membership.member.Members;
import nl.mboconnect.platform.domain.Roles;

/**
 * The demo groups of the local run ({@code mbo.demo.enabled}): one of each kind, made of the demo
 * members, through the same rules as a member's clicks. Added once, while there are no groups.
 * The closed group has requests waiting for Noor (redacteur, its owner); the secret one an
 * invitation for Joris.
 */
@Component
@ConditionalOnBooleanProperty("mbo.demo.enabled")
class DemoGroups {

    private static final Logger log = LoggerFactory.getLogger(DemoGroups.class);
    static final String SANNE = "6d626f63-0000-4000-8000-000000000101";
    static final String JORIS = "6d626f63-0000-4000-8000-000000000102";
    static final String NOOR = "6d626f63-0000-4000-8000-000000000103";
    static final String PIETER = "6d626f63-0000-4000-8000-000000000104";

    /** A demo group: its fixed id, who made it, who is in it, who asked (with a message) and who is invited. */
    record DemoGroup(String id, String name, String description, Group.Kind kind, String owner, List<String> members,
            List<String> asking, List<String> invited) {
    }

    static final List<DemoGroup> GROUPS = List.of(
            new DemoGroup("6d626f63-0000-4000-8000-000000000201", "Leden van de vereniging",
                    "Voor wie lid is: de agenda van de ledenvergadering, voorstellen en de stemmingen die eraan komen.",
                    Group.Kind.LEDEN, PIETER, List.of(JORIS, fictional("Anouk de Vries"), fictional("Thijs van den Berg"),
                            fictional("Lotte Visser")), List.of(), List.of()),
            new DemoGroup("6d626f63-0000-4000-8000-000000000202", "Praktijkopleiders in de zorg",
                    "Praktijkopleiders en docenten zorg en welzijn delen hoe zij studenten op de werkvloer begeleiden.",
                    Group.Kind.CLOSED, NOOR, List.of(fictional("Femke Meijer"), fictional("Shanti Ramdin")),
                    List.of(fictional("Emre Yılmaz"), fictional("Bram Jansen")), List.of()),
            new DemoGroup("6d626f63-0000-4000-8000-000000000203", "Docenten techniek Noord",
                    "Techniekdocenten uit Groningen, Friesland en Drenthe: lesmateriaal, stages en samen met bedrijven.",
                    Group.Kind.OPEN, JORIS, List.of(fictional("Gerrit Postma"), fictional("Katarzyna Nowak"),
                            fictional("Thijs van den Berg")), List.of(), List.of()),
            new DemoGroup("6d626f63-0000-4000-8000-000000000204", "Werkgroep jaarcongres",
                    "Bereidt het jaarcongres voor: sprekers, programma en locatie. Nog niet openbaar.",
                    Group.Kind.SECRET, NOOR, List.of(PIETER, fictional("Lotte Visser")), List.of(), List.of(JORIS)),
            new DemoGroup("6d626f63-0000-4000-8000-000000000205", "Samenwerken met bedrijfsopleidingen",
                    "Over leren in het bedrijf: hoe school en bedrijfsopleiding samen een leerlijn maken.",
                    Group.Kind.OPEN, SANNE, List.of(fictional("Ayşe Demir"), fictional("Emre Yılmaz")), List.of(), List.of()));

    private final GroupStore store;
    private final Members members;
    private final Clock clock;

    DemoGroups(GroupStore store, Members members, Clock clock) {
        this.store = store;
        this.members = members;
        this.clock = clock;
    }

    /** A fictional demo member's id, as the demo members (and events-service's demo) make it from the name. */
    static String fictional(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void seedWhenReady() {
        try {
            int seeded = seed();
            log.info(seeded == 0 ? "groups stored already: no demo groups added" : "{} demo groups added", seeded);
        } catch (RuntimeException e) {
            log.error("the demo groups could not be added", e);
        }
    }

    int seed() {
        if (store.any()) {
            return 0;
        }
        Instant start = clock.instant().minus(Duration.ofDays(30));
        for (DemoGroup demo : GROUPS) {
            Group.Actor owner = actor(demo.owner());
            Group group = store.create(Group.create(demo.id(), demo.name(), demo.description(), demo.kind().name(), owner,
                    Set.of(Roles.REDACTEUR), start), start);
            Instant at = start.plus(Duration.ofDays(1));
            for (String member : demo.members()) {
                store.change(group, actor(member), at, current -> current.invitedBy(owner, at).joined(group, true, null, at));
            }
            for (String asking : demo.asking()) {
                store.change(group, actor(asking), at, current -> current.joined(group, false,
                        "Ik werk als praktijkopleider en wil graag ervaringen uitwisselen.", at));
            }
            for (String invited : demo.invited()) {
                store.change(group, actor(invited), at, current -> current.invitedBy(owner, at));
            }
        }
        return GROUPS.size();
    }

    private Group.Actor actor(String id) {
        Members.Person person = members.find(id).orElseThrow(() -> new IllegalStateException("no demo member " + id));
        return new Group.Actor(person.id(), person.name());
    }
}

package nl.mboconnect.events.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.mboconnect.events.event.Viewer;
import nl.mboconnect.platform.domain.Roles;

/**
 * The demo data as written in {@code resources/demo/}: the realm's four demo accounts with their
 * fixed ids ({@code accounts.json}), ninety fictional people who register ({@code people.json}),
 * and twelve events ({@code events.json}, see {@link DemoEvent}).
 */
record DemoContent(Map<String, Member> accounts, List<Member> people, List<DemoEvent> events) {

    /** The fictional people act as association members: they may register for every event. */
    private static final Set<String> PEOPLE_ROLES = Set.of(Roles.VRIEND, Roles.LID);

    /** Accounts by username, from {@code accounts.json}; people from the names in {@code people.json}. */
    static DemoContent of(List<Account> accounts, List<String> names, List<DemoEvent> events) {
        return new DemoContent(
                accounts.stream().collect(Collectors.toUnmodifiableMap(Account::username,
                        account -> new Member(account.id(), account.name(), account.roles()))),
                names.stream().map(DemoContent::person).toList(), events);
    }

    /** An entry of {@code accounts.json}; {@code id} is the account's id in the realm, the token's {@code sub}. */
    record Account(String username, String id, String name, Set<String> roles) {
    }

    /** Someone who registers or manages: an account of the realm, or a fictional person. */
    record Member(String id, String name, Set<String> roles) {

        Viewer viewer() {
            return Viewer.member(id, roles);
        }
    }

    /** A fictional person's id is made from their name, so it is the same on every machine and run. */
    static Member person(String name) {
        return new Member(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString(), name, PEOPLE_ROLES);
    }

    Member account(String username) {
        Member account = accounts.get(username);
        if (account == null) {
            throw new IllegalStateException("demo/accounts.json has no account " + username);
        }
        return account;
    }

    /** The accounts and the fictional people. */
    List<Member> everyone() {
        return Stream.concat(accounts.values().stream(), people.stream()).toList();
    }

    /** The demo events by key. */
    Map<String, DemoEvent> byKey() {
        return events.stream().collect(Collectors.toUnmodifiableMap(DemoEvent::key, Function.identity()));
    }
}

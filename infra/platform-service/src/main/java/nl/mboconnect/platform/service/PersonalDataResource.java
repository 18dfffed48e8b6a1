package nl.mboconnect.platform.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's own data as this service holds it, every {@link PersonalData} part under its name:
 * for their own token only (the member id is the token's subject, never a parameter).
 */
@RestController
class PersonalDataResource {

    private final List<PersonalData> parts;
    private final String service;
    private final Clock clock;

    PersonalDataResource(ObjectProvider<PersonalData> parts, @Value("${mbo.service.name}") String service,
            ObjectProvider<Clock> clock) {
        this.parts = parts.orderedStream().sorted(Comparator.comparing(PersonalData::part)).toList();
        this.service = service;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        long names = this.parts.stream().map(PersonalData::part).distinct().count();
        if (names != this.parts.size()) {
            throw new IllegalStateException("two personal data parts share a name: "
                    + this.parts.stream().map(PersonalData::part).toList());
        }
    }

    /** What this service holds about a member, for their export. */
    public record Export(String service, String memberId, Instant generatedAt, Map<String, Object> parts) {
    }

    @MembersOnly
    @GetMapping(path = "/api/${mbo.service.name}/me/personal-data", produces = "application/json")
    Export mine(@AuthenticationPrincipal Jwt token) {
        String memberId = Caller.of(token).id();
        Map<String, Object> exported = new LinkedHashMap<>();
        for (PersonalData part : parts) {
            exported.put(part.part(), part.export(memberId));
        }
        return new Export(service, memberId, clock.instant(), exported);
    }
}

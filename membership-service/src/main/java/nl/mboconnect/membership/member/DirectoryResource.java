package nl.mboconnect.membership.member;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.platform.domain.Choices;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.Roles;
import nl.mboconnect.platform.domain.Violation;
import nl.mboconnect.platform.service.Caller;
import nl.mboconnect.platform.service.MembersOnly;

/**
 * The member directory: members find each other by name, organisation, region, sector and theme,
 * and see of each other what each chose to show.
 */
@RestController
@RequestMapping("/api/membership/members")
class DirectoryResource {

    private final MemberStore store;

    DirectoryResource(MemberStore store) {
        this.store = store;
    }

    /** A page of members by name; each filter matches only what its member shows the caller. */
    @GetMapping
    @MembersOnly
    DirectoryView directory(@AuthenticationPrincipal Jwt token,
            @RequestParam(required = false) @Size(max = 80) String q,
            @RequestParam(required = false) @Size(max = 120) String organisation,
            @RequestParam(required = false) String region, @RequestParam(required = false) String sector,
            @RequestParam(required = false) String theme,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Member.Viewer viewer = viewer(token);
        List<Violation> violations = new ArrayList<>();
        var query = new MemberStore.DirectoryQuery(blankToNull(q), blankToNull(organisation),
                Choices.one(Province.class, "region", region, violations),
                Choices.one(Sector.class, "sector", sector, violations),
                Choices.one(Theme.class, "theme", theme, violations), page, size);
        Refusal.requireNone(violations);
        MemberStore.DirectoryPage found = store.directory(query, viewer);
        return new DirectoryView(found.members().stream().map(member -> MemberCard.of(member, viewer)).toList(), page,
                size, found.total());
    }

    /** One member's profile as the caller may see it. */
    @GetMapping("/{id}")
    @MembersOnly
    MemberCard member(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id) {
        Member.Viewer viewer = viewer(token);
        return store.find(id).map(member -> MemberCard.of(member, viewer))
                .orElseThrow(() -> Refusal.notFound("member " + id));
    }

    /** A member's photo (JPEG), when they have one and show it to the caller; {@code v} is its revision. */
    @GetMapping(value = "/{id}/photo", produces = MediaType.IMAGE_JPEG_VALUE)
    @MembersOnly
    ResponseEntity<byte[]> photo(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @RequestParam(required = false) Long v) {
        Member.Viewer viewer = viewer(token);
        Member member = store.find(id).filter(found -> found.hasPhoto() && found.shows(Visibility.Field.PHOTO, viewer))
                .orElseThrow(() -> Refusal.notFound("photo of member " + id));
        byte[] jpeg = store.photo(id, member.photo()).orElseThrow(() -> Refusal.notFound("photo of member " + id));
        // private: the photo is for this signed-in member; a new photo has a new address (v)
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate()).body(jpeg);
    }

    private static Member.Viewer viewer(Jwt token) {
        Caller caller = Caller.of(token);
        return new Member.Viewer(caller.id(), caller.hasRole(Roles.LID));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    record DirectoryView(List<MemberCard> items, int page, int size, long total) {
    }
}

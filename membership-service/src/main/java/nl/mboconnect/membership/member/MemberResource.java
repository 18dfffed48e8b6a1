package nl.mboconnect.membership.member;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.platform.domain.Choices;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.Violation;
import nl.mboconnect.platform.service.Caller;
import nl.mboconnect.platform.service.MembersOnly;

/** The signed-in member's own profile: reading it (which registers them), editing it, their photo, deleting the account. */
@RestController
@RequestMapping("/api/membership/members/me")
class MemberResource {

    private final MemberStore store;
    private final SignIns signIns;
    private final Clock clock;

    private final AccountErasure erasure;

    MemberResource(MemberStore store, SignIns signIns, AccountErasure erasure, Clock clock) {
        this.store = store;
        this.signIns = signIns;
        this.erasure = erasure;
        this.clock = clock;
    }

    /** What became of an account the member deleted: {@code erased}, or {@code erasing} (finished within a minute). */
    record Erasure(String status) {
    }

    /**
     * Deletes the member's account (the site asks them to confirm first): their Keycloak account,
     * profile, photo, group memberships, callback requests, and in every other service what it holds
     * about them; what they did for others stays, by "Voormalig lid". 200 when this service's part is
     * done, 202 while it waits for Keycloak; the other services follow within seconds. From now on
     * their tokens are refused.
     */
    @DeleteMapping
    @MembersOnly
    ResponseEntity<Erasure> eraseAccount(@AuthenticationPrincipal Jwt token) {
        AccountErasure.Outcome outcome = erasure.erase(Caller.of(token).id());
        return ResponseEntity.status(outcome == AccountErasure.Outcome.ERASED ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(new Erasure(outcome.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * The signed-in member's own profile. The first call after a member's first sign-in registers
     * them; a later call after a name change in Keycloak brings the profile up to date.
     */
    @GetMapping
    @MembersOnly
    MemberView me(@AuthenticationPrincipal Jwt token, HttpServletResponse response) {
        return MemberView.of(signIns.signIn(token, response), Caller.of(token).platformRoles());
    }

    /** Saves what the member tells the others about themselves, and who sees each part of it. */
    @PutMapping("/profile")
    @MembersOnly
    MemberView edit(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfileRequest body,
            HttpServletResponse response) {
        Caller caller = Caller.of(token);
        List<Violation> violations = new ArrayList<>();
        Visibility visibility = body.visibility() == null ? Visibility.DEFAULT : body.visibility().read(violations);
        Details details = body.read(violations);
        signIns.signIn(token, response);
        return MemberView.of(store.edit(caller.id(), details, visibility, clock.instant()), caller.platformRoles());
    }

    /**
     * A new profile photo: a JPEG, PNG or GIF image of at most 5 MB, recognised by its bytes, kept
     * at most 512 pixels a side.
     */
    @PutMapping("/photo")
    @MembersOnly
    MemberView photo(@AuthenticationPrincipal Jwt token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Caller caller = Caller.of(token);
        if (request.getContentLengthLong() > ProfilePhoto.MAX_BYTES) {
            throw tooLarge();
        }
        byte[] upload;
        try (InputStream in = request.getInputStream()) {
            upload = in.readNBytes(ProfilePhoto.MAX_BYTES + 1);
        }
        if (upload.length > ProfilePhoto.MAX_BYTES) {
            throw tooLarge();
        }
        ProfilePhoto photo = ProfilePhoto.from(upload);
        signIns.signIn(token, response);
        return MemberView.of(store.putPhoto(caller.id(), photo, clock.instant()), caller.platformRoles());
    }

    @DeleteMapping("/photo")
    @MembersOnly
    MemberView removePhoto(@AuthenticationPrincipal Jwt token, HttpServletResponse response) {
        Caller caller = Caller.of(token);
        signIns.signIn(token, response);
        return MemberView.of(store.removePhoto(caller.id(), clock.instant()), caller.platformRoles());
    }

    private static Refusal tooLarge() {
        return Refusal.tooLarge("photo-too-large", "a photo is at most 5 MB");
    }

    /** A profile as the member saves it; choices by name (e.g. {@code "NOORD_HOLLAND"}). */
    record ProfileRequest(String displayName, String function, OrganisationRequest organisation, String region,
            @Size(max = 20) List<String> sectors, @Size(max = 20) List<String> themes, String bio,
            VisibilityRequest visibility) {

        Details read(List<Violation> violations) {
            MemberFunction chosenFunction = Choices.one(MemberFunction.class, "function", function, violations);
            Province province = Choices.one(Province.class, "region", region, violations);
            List<Sector> chosenSectors = Choices.some(Sector.class, "sectors", sectors, violations);
            List<Theme> chosenThemes = Choices.some(Theme.class, "themes", themes, violations);
            Organisation where = organisation == null ? null : organisation.read(violations);
            Refusal.requireNone(violations);
            return Details.checked(displayName, chosenFunction, where, province, chosenSectors, chosenThemes, bio);
        }
    }

    record OrganisationRequest(String kind, String name) {

        Organisation read(List<Violation> violations) {
            Organisation.Kind chosen = Choices.one(Organisation.Kind.class, "organisation.kind", kind, violations);
            if (chosen == null && kind == null && (name == null || name.isBlank())) {
                return null;
            }
            if (chosen == null && kind == null) {
                violations.add(new Violation("organisation.kind", "required", "say what kind of organisation it is"));
            }
            return chosen == null ? null : new Organisation(chosen, name);
        }
    }

    /** Who sees each field besides the member: {@code MEMBERS}, {@code LEDEN} or {@code ONLY_ME}. */
    record VisibilityRequest(String email, String function, String organisation, String region, String sectors,
            String themes, String bio, String photo) {

        Visibility read(List<Violation> violations) {
            return new Visibility(shown("email", email, violations), shown("function", function, violations),
                    shown("organisation", organisation, violations), shown("region", region, violations),
                    shown("sectors", sectors, violations), shown("themes", themes, violations),
                    shown("bio", bio, violations), shown("photo", photo, violations));
        }

        private static Visibility.Shown shown(String field, String value, List<Violation> violations) {
            return Choices.one(Visibility.Shown.class, "visibility." + field, value, violations);
        }
    }

    /** The member's own profile, every field with who sees it. */
    record MemberView(String id, String username, String displayName, String accountName, String givenName,
            String familyName, String email, Set<String> roles, Details details, Visibility visibility,
            String photoUrl, Membership.Status membership, Instant registeredAt) {

        static MemberView of(Member member, Set<String> roles) {
            Profile profile = member.profile();
            return new MemberView(member.id(), profile.username(), member.displayName(), profile.displayName(),
                    profile.givenName(), profile.familyName(), profile.email(), new TreeSet<>(roles), member.details(),
                    member.visibility(), MemberCard.photoUrl(member), member.membership().status(),
                    member.registeredAt());
        }
    }
}

package nl.mboconnect.events.directory;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.platform.service.ProblemException;

/** Members' display names as this service knows them, for members only (names are personal data). */
@RestController
@RequestMapping("/api/events/members")
class MemberDirectoryResource {

    private static final int FOUND_AT_MOST = 10;

    private final MemberDirectory directory;

    MemberDirectoryResource(MemberDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/{memberId}")
    @PreAuthorize("hasAnyRole('vriend', 'lid', 'redacteur', 'beheerder')")
    MemberDirectory.Entry member(@PathVariable String memberId) {
        return directory.displayName(memberId).map(name -> new MemberDirectory.Entry(memberId, name))
                .orElseThrow(() -> ProblemException.notFound("member", memberId));
    }

    /** Members by (part of) their name, for editors choosing invitees and organiser members. */
    @GetMapping
    @PreAuthorize("hasAnyRole('redacteur', 'beheerder')")
    List<MemberDirectory.Entry> search(@RequestParam @NotBlank @Size(min = 2, max = 60) String name) {
        return directory.search(name, FOUND_AT_MOST);
    }
}

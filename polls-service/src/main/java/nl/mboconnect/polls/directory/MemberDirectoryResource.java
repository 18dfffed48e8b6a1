package nl.mboconnect.polls.directory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.platform.service.ProblemException;

/** Members' display names as this service knows them, for members only (names are personal data). */
@RestController
@RequestMapping("/api/polls/members")
class MemberDirectoryResource {

    private final MemberDirectory directory;

    MemberDirectoryResource(MemberDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/{memberId}")
    @PreAuthorize("hasAnyRole('vriend', 'lid', 'redacteur', 'beheerder')")
    DirectoryEntry member(@PathVariable String memberId) {
        return directory.displayName(memberId).map(name -> new DirectoryEntry(memberId, name))
                .orElseThrow(() -> ProblemException.notFound("member", memberId));
    }

    record DirectoryEntry(String memberId, String displayName) {
    }
}

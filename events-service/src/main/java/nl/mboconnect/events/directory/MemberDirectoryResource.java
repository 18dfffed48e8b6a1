package nl.mboconnect.events.directory;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.events.directory.MemberDirectory.MemberName;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.events.readmodel.ReadModel;
import nl.mboconnect.platform.service.EditorsOnly;
import nl.mboconnect.platform.service.MembersOnly;

/** Members' display names as this service knows them, for members only (names are personal data). */
@RestController
@RequestMapping("/api/events/members")
class MemberDirectoryResource {

    private static final int FOUND_AT_MOST = 10;

    private final ReadModel<MemberName> directory;

    MemberDirectoryResource(ReadModel<MemberName> directory) {
        this.directory = directory;
    }

    @GetMapping("/{memberId}")
    @MembersOnly
    MemberName member(@PathVariable String memberId) {
        return directory.find(memberId).orElseThrow(() -> Refusal.notFound("member " + memberId));
    }

    /** At most ten members whose name contains the text, any case: for editors choosing invitees and organisers. */
    @GetMapping
    @EditorsOnly
    List<MemberName> search(@RequestParam @NotBlank @Size(min = 2, max = 60) String name) {
        return directory.search("displayName", name, FOUND_AT_MOST);
    }
}

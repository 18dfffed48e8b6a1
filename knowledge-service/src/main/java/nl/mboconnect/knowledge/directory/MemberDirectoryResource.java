package nl.mboconnect.knowledge.directory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.knowledge.directory.MemberDirectory.MemberName;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.events.readmodel.ReadModel;
import nl.mboconnect.platform.service.MembersOnly;

/** Members' display names as this service knows them, for members only (names are personal data). */
@RestController
@RequestMapping("/api/knowledge/members")
class MemberDirectoryResource {

    private final ReadModel<MemberName> directory;

    MemberDirectoryResource(ReadModel<MemberName> directory) {
        this.directory = directory;
    }

    @GetMapping("/{memberId}")
    @MembersOnly
    MemberName member(@PathVariable String memberId) {
        return directory.find(memberId).orElseThrow(() -> Refusal.notFound("member " + memberId));
    }
}

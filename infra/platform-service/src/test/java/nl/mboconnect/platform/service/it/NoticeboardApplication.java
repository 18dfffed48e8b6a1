package nl.mboconnect.platform.service.it;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.service.AdministratorsOnly;
import nl.mboconnect.platform.service.EditorsOnly;
import nl.mboconnect.platform.service.EndpointAuthorization;
import nl.mboconnect.platform.service.MembersOnly;
import nl.mboconnect.platform.service.PartnersAndAdministrators;
import nl.mboconnect.platform.service.PersonalData;

/** A small service of its own, to see the service defaults at work: errors, roles, the API document. */
@SpringBootApplication
public class NoticeboardApplication {

    /** Anyone reads the board; everything else needs a token. */
    @Bean
    EndpointAuthorization anonymousReading() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/api/noticeboard/notices").permitAll();
    }

    record Notice(String title) {
    }

    /** What the board holds about a member: the notices they wrote (made up here; it stores none to erase). */
    @Bean
    PersonalData noticesWritten() {
        return PersonalData.part("notices", memberId -> List.of(new Notice("by " + memberId)), memberId -> {
        });
    }

    @RestController
    @RequestMapping("/api/noticeboard")
    static class NoticeResource {

        record NewNotice(@NotBlank String title, @Size(max = 20) String body, @Positive int days) {
        }


        @GetMapping("/notices")
        List<Notice> notices(@RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) @Size(max = 5) String tag) {
            return List.of(new Notice("Kennissessie in Ede"));
        }

        @PostMapping("/notices")
        @ResponseStatus(HttpStatus.CREATED)
        @MembersOnly
        Notice post(@Valid @RequestBody NewNotice notice) {
            return new Notice(notice.title());
        }

        @PostMapping("/notices/{id}/withdraw")
        @AdministratorsOnly
        void withdraw(@PathVariable String id) {
            throw Refusal.conflict("notice-archived", "notice " + id + " is archived and cannot be withdrawn");
        }

        @PostMapping("/notices/{id}/pin")
        @EditorsOnly
        void pin(@PathVariable String id) {
            throw Refusal.invalid("position", "out-of-range", "a notice is pinned at position 1 to 3");
        }

        @GetMapping("/partners")
        @PartnersAndAdministrators
        List<Notice> forPartners() {
            return List.of();
        }

        @GetMapping("/notices/{id}")
        @MembersOnly
        Notice notice(@PathVariable String id) {
            throw Refusal.notFound("notice " + id);
        }

        @GetMapping("/busy")
        @MembersOnly
        void busy() {
            throw Refusal.unavailable("busy", "the board is being rearranged", Duration.ofSeconds(2));
        }

        @GetMapping("/broken")
        @MembersOnly
        String broken() {
            throw new IllegalStateException("secret internal detail");
        }
    }

    /** Checked by a {@code @Validated} proxy rather than by Spring MVC: a different exception, the same 400. */
    @RestController
    @Validated
    @RequestMapping("/api/noticeboard/archive")
    static class ArchiveResource {

        @GetMapping
        @MembersOnly
        List<Notice> page(@RequestParam(defaultValue = "20") @Max(100) int size) {
            return List.of();
        }
    }
}

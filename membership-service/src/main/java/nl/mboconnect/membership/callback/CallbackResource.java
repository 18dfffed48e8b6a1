package nl.mboconnect.membership.callback;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import nl.mboconnect.membership.callback.Callback.Handler;
import nl.mboconnect.membership.callback.Callback.Status;
import nl.mboconnect.platform.domain.Choices;
import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.Violation;
import nl.mboconnect.platform.service.AdministratorsOnly;
import nl.mboconnect.platform.service.Caller;
import nl.mboconnect.platform.service.EndpointAuthorization;

/**
 * "Bel mij terug": anyone leaves a request (signed in or not; the gateway limits how often an
 * anonymous address may); beheerders work the queue: claim, note, close.
 */
@RestController
@RequestMapping("/api/membership/callbacks")
class CallbackResource {

    private final CallbackStore store;
    private final Clock clock;

    CallbackResource(CallbackStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Asks to be called back: name, phone number, a moment that suits and what it is about. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Receipt request(@AuthenticationPrincipal Jwt token, @RequestBody CallbackRequest body) {
        Callback callback = Callback.request(UUID.randomUUID().toString(), body.name(), body.phone(), body.moment(),
                body.topic(), token == null ? null : token.getSubject(), clock.instant());
        return Receipt.of(store.add(callback));
    }

    /** The queue, for a beheerder: open and claimed requests by default, the longest waiting first. */
    @GetMapping
    @AdministratorsOnly
    QueueView queue(@RequestParam(required = false) List<String> status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<Violation> violations = new ArrayList<>();
        List<Status> statuses = Choices.some(Status.class, "status", status, violations);
        Refusal.requireNone(violations);
        if (statuses.isEmpty()) {
            statuses = List.of(Status.OPEN, Status.CLAIMED);
        }
        CallbackStore.Page found = store.queue(statuses, page, size);
        return new QueueView(found.callbacks().stream().map(CallbackView::of).toList(), page, size, found.total());
    }

    @GetMapping("/{id}")
    @AdministratorsOnly
    CallbackView one(@PathVariable String id) {
        return CallbackView.of(store.find(id).orElseThrow(() -> Refusal.notFound("callback request " + id)));
    }

    /** "Ik bel": the beheerder takes the request on (or over from another). */
    @PostMapping("/{id}/claim")
    @AdministratorsOnly
    CallbackView claim(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        Handler me = handler(token);
        return CallbackView.of(store.change(id, callback -> callback.claimedBy(me)));
    }

    @PostMapping("/{id}/notes")
    @AdministratorsOnly
    CallbackView note(@PathVariable String id, @AuthenticationPrincipal Jwt token, @RequestBody(required = false) NoteRequest body) {
        Handler me = handler(token);
        Instant now = clock.instant();
        return CallbackView.of(store.change(id, callback -> callback.noted(me, body == null ? null : body.text(), now)));
    }

    /** Done; a last note optional. Deleted 90 days later. */
    @PostMapping("/{id}/closing")
    @AdministratorsOnly
    CallbackView close(@PathVariable String id, @AuthenticationPrincipal Jwt token, @RequestBody(required = false) NoteRequest body) {
        Handler me = handler(token);
        Instant now = clock.instant();
        String text = body == null ? null : body.text();
        return CallbackView.of(store.change(id, callback -> callback.closedBy(me, text, now)));
    }

    private static Handler handler(Jwt token) {
        Caller caller = Caller.of(token);
        return new Handler(caller.id(), caller.displayName());
    }

    record CallbackRequest(String name, String phone, String moment, String topic) {
    }

    record NoteRequest(String text) {
    }

    /** What the one who asked is told: it arrived, and what they left. */
    record Receipt(String id, Status status, Instant requestedAt, String name, String phone, Callback.Moment moment,
            String topic) {

        static Receipt of(Callback callback) {
            var request = callback.request();
            return new Receipt(callback.id(), callback.status(), callback.requestedAt(), request.name(),
                    request.phone().display(), request.moment(), request.topic());
        }
    }

    record QueueView(List<CallbackView> items, int page, int size, long total) {
    }

    /** A request as a beheerder works it; {@code deleteAfter} for a closed one. */
    record CallbackView(String id, String name, PhoneNumber phone, Callback.Moment moment, String topic,
            String requesterId, Instant requestedAt, Status status, String handledBy, List<NoteView> notes,
            Instant closedAt, Instant deleteAfter) {

        static CallbackView of(Callback callback) {
            var request = callback.request();
            return new CallbackView(callback.id(), request.name(), request.phone(), request.moment(), request.topic(),
                    callback.requesterId(), callback.requestedAt(), callback.status(),
                    callback.handler() == null ? null : callback.handler().name(),
                    callback.notes().stream().map(NoteView::of).toList(), callback.closedAt(),
                    callback.closedAt() == null ? null : callback.closedAt().plus(Callback.RETENTION));
        }
    }

    record NoteView(Instant at, String by, String text) {

        static NoteView of(Callback.Note note) {
            return new NoteView(note.at(), note.by().name(), note.text());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AnonymousRequests {

        /** Visitors without an account leave a request too. */
        @Bean
        EndpointAuthorization anonymousCallbackRequests() {
            return rules -> rules.requestMatchers(HttpMethod.POST, "/api/membership/callbacks").permitAll();
        }
    }
}

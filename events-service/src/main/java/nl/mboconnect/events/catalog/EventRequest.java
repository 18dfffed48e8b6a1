package nl.mboconnect.events.catalog;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import nl.mboconnect.events.event.About;
import nl.mboconnect.events.event.Attendance;
import nl.mboconnect.events.event.Audience;
import nl.mboconnect.events.event.Breakout;
import nl.mboconnect.events.event.EventDetails;
import nl.mboconnect.events.event.EventKind;
import nl.mboconnect.events.event.EventTime;
import nl.mboconnect.events.event.Links;
import nl.mboconnect.events.event.Location;
import nl.mboconnect.events.event.ProgrammeItem;
import nl.mboconnect.events.event.Question;
import nl.mboconnect.events.event.Schedule;
import nl.mboconnect.events.event.SeriesLink;
import nl.mboconnect.events.event.Visibility;
import nl.mboconnect.events.event.WaitlistPolicy;

/**
 * An event as organisers write it, for creating and editing. Times are local times in
 * Europe/Amsterdam ({@code 2026-12-10T13:30}). Ids of breakouts and questions are kept when given
 * (registrations refer to them) and made up when not.
 */
record EventRequest(
        @NotNull EventKind kind,
        @NotBlank @Size(max = 150) String title,
        @Size(max = 10_000) String description,
        @Size(max = 10) List<@NotBlank @Size(max = 120) String> organisations,
        @Size(max = 10) List<@NotBlank @Size(max = 60) String> themes,
        @Size(max = 10) List<@NotBlank @Size(max = 60) String> categories,
        @Valid AudienceRequest audience,
        @NotNull LocalDateTime start,
        @NotNull LocalDateTime end,
        @NotNull @Valid LocationRequest location,
        @Size(max = 40) List<@NotNull @Valid ProgrammeRequest> programme,
        @Size(max = 20) List<@NotNull @Valid BreakoutRequest> breakouts,
        @Size(max = 20) List<@NotNull @Valid QuestionRequest> questions,
        @Valid VisibilityRequest visibility,
        @Min(1) @Max(100_000) Integer capacity,
        LocalDateTime registrationDeadline,
        @Valid WaitlistRequest waitlist,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> organisers,
        @Valid SeriesRequest series,
        @Size(max = 64) String followUpOf,
        @Size(max = 500) String reportUrl) {

    static final String ID = "[a-z0-9][a-z0-9-]{0,39}";
    static final String ROLE = "vriend|lid|redacteur|beheerder";

    record AudienceRequest(@Size(max = 500) String text, @Size(max = 4) List<@Pattern(regexp = ROLE) String> roles) {
    }

    record LocationRequest(@NotNull Location.Mode mode, @Size(max = 200) String venue, @Size(max = 300) String address,
            @Size(max = 100) String city, @Size(max = 60) String region, @Size(max = 60) String platform,
            @Size(max = 500) String joinUrl) {
    }

    record ProgrammeRequest(@NotNull LocalDateTime start, @NotNull LocalDateTime end,
            @NotBlank @Size(max = 200) String title, @Size(max = 200) String speaker,
            @Size(max = 2000) String description, @Size(max = 40) String breakoutId) {
    }

    record BreakoutRequest(@Pattern(regexp = ID) String id, @NotBlank @Size(max = 150) String title,
            @Size(max = 2000) String description, @Min(1) @Max(100_000) Integer capacity) {
    }

    record QuestionRequest(@Pattern(regexp = ID) String id, @NotBlank @Size(max = 300) String label,
            @NotNull Question.Type type, @Size(max = 20) List<@NotBlank @Size(max = 150) String> options,
            boolean required) {
    }

    record VisibilityRequest(@NotNull Visibility.Level level, @Size(max = 500) List<@NotBlank String> invitees,
            @Size(max = 50) List<@NotBlank String> groups) {
    }

    record WaitlistRequest(@NotNull WaitlistPolicy.Promotion promotion,
            @Min(1) @Max(WaitlistPolicy.MAX_OFFER_HOURS) Integer offerHours) {
    }

    record SeriesRequest(@NotBlank @Pattern(regexp = ID) String id, @Size(max = 150) String title) {
    }

    EventDetails toDetails() {
        List<Breakout> breakoutList = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (BreakoutRequest breakout : list(breakouts)) {
            String id = breakout.id() == null ? newId("sessie", taken) : breakout.id();
            taken.add(id);
            breakoutList.add(new Breakout(id, breakout.title().strip(), strip(breakout.description()), breakout.capacity()));
        }
        List<Question> questionList = new ArrayList<>();
        Set<String> questionIds = new HashSet<>();
        for (QuestionRequest question : list(questions)) {
            String id = question.id() == null ? newId("vraag", questionIds) : question.id();
            questionIds.add(id);
            questionList.add(new Question(id, question.label().strip(), question.type(),
                    question.type() == Question.Type.CHOICE ? list(question.options()).stream().map(String::strip).toList()
                            : List.of(),
                    question.required()));
        }
        List<ProgrammeItem> items = new ArrayList<>();
        for (int i = 0; i < list(programme).size(); i++) {
            ProgrammeRequest item = programme.get(i);
            items.add(new ProgrammeItem(EventTime.toInstant(item.start(), "programme[" + i + "].start"),
                    EventTime.toInstant(item.end(), "programme[" + i + "].end"), item.title().strip(),
                    strip(item.speaker()), strip(item.description()), blankToNull(item.breakoutId())));
        }
        LocationRequest place = location;
        return new EventDetails(
                new About(kind, title.strip(), strip(description), list(organisations), list(themes), list(categories)),
                new Schedule(EventTime.toInstant(start, "start"), EventTime.toInstant(end, "end"), items),
                new Location(place.mode(), strip(place.venue()), strip(place.address()), strip(place.city()),
                        strip(place.region()), strip(place.platform()), strip(place.joinUrl())),
                new Attendance(audience == null ? null : new Audience(strip(audience.text()), list(audience.roles())),
                        capacity, EventTime.toInstant(registrationDeadline, "registrationDeadline"),
                        waitlist == null ? null : new WaitlistPolicy(waitlist.promotion(),
                                waitlist.promotion() == WaitlistPolicy.Promotion.OFFER ? waitlist.offerHours() : null),
                        breakoutList, questionList),
                visibility == null ? null
                        : new Visibility(visibility.level(), list(visibility.invitees()), list(visibility.groups())),
                new Links(series == null ? null : new SeriesLink(series.id(), strip(series.title())),
                        blankToNull(followUpOf), blankToNull(strip(reportUrl))));
    }

    private static String newId(String prefix, Set<String> taken) {
        String id;
        do {
            id = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        } while (taken.contains(id));
        return id;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static String strip(String value) {
        return value == null ? null : blankToNull(value.strip());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

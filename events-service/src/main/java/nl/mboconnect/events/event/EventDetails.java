package nl.mboconnect.events.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import nl.mboconnect.platform.domain.Violation;

/**
 * Everything an organiser writes about an event, in its parts: what it is ({@link About}), when
 * ({@link Schedule}), where ({@link Location}), who may attend and how ({@link Attendance}), who may
 * see it ({@link Visibility}) and what it links to ({@link Links}). Times are instants; the web layer
 * reads and shows them in Europe/Amsterdam ({@link EventTime}). {@link #violations()} checks that the
 * parts fit together: the end after the start, the programme inside the event, breakouts and
 * questions well-formed; the fields it names are the request's.
 */
public record EventDetails(About about, Schedule schedule, Location location, Attendance attendance,
        Visibility visibility, Links links) {

    static final Duration LONGEST_EVENT = Duration.ofDays(14);

    public EventDetails {
        attendance = attendance == null ? Attendance.open() : attendance;
        visibility = visibility == null ? Visibility.publicly() : visibility;
        links = links == null ? Links.none() : links;
    }

    public EventDetails withAbout(About changed) {
        return new EventDetails(changed, schedule, location, attendance, visibility, links);
    }

    public EventDetails withSchedule(Schedule changed) {
        return new EventDetails(about, changed, location, attendance, visibility, links);
    }

    public EventDetails withLocation(Location changed) {
        return new EventDetails(about, schedule, changed, attendance, visibility, links);
    }

    public EventDetails withAttendance(Attendance changed) {
        return new EventDetails(about, schedule, location, changed, visibility, links);
    }

    public EventDetails withVisibility(Visibility changed) {
        return new EventDetails(about, schedule, location, attendance, changed, links);
    }

    public EventDetails withLinks(Links changed) {
        return new EventDetails(about, schedule, location, attendance, visibility, changed);
    }

    /** An absolute http(s) address with a host: never {@code //elsewhere}, {@code javascript:} or a path. */
    static boolean isWebAddress(String text) {
        try {
            java.net.URI uri = new java.net.URI(text.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Registration closes at the deadline, or when the event starts if it has none. */
    public Instant registrationCloses() {
        Instant deadline = attendance.registrationDeadline();
        return deadline != null && deadline.isBefore(schedule.start()) ? deadline : schedule.start();
    }

    public java.util.Optional<Breakout> breakout(String id) {
        return attendance.breakouts().stream().filter(breakout -> breakout.id().equals(id)).findFirst();
    }

    /** The rules a new or edited event must meet on its own; empty when it meets them all. */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        EventKind kind = about == null ? null : about.kind();
        String title = about == null ? null : about.title();
        Instant start = schedule == null ? null : schedule.start();
        Instant end = schedule == null ? null : schedule.end();
        Instant registrationDeadline = attendance.registrationDeadline();
        Integer capacity = attendance.capacity();
        WaitlistPolicy waitlist = attendance.waitlist();
        String reportUrl = links.reportUrl();
        SeriesLink series = links.series();
        if (kind == null) {
            violations.add(new Violation("kind", "required", "choose the kind of event"));
        }
        if (title == null || title.isBlank()) {
            violations.add(new Violation("title", "required", "an event needs a title"));
        }
        if (start == null) {
            violations.add(new Violation("start", "required", "an event needs a start"));
        }
        if (end == null) {
            violations.add(new Violation("end", "required", "an event needs an end"));
        }
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                violations.add(new Violation("end", "end-before-start", "the event must end after it starts"));
            } else if (Duration.between(start, end).compareTo(LONGEST_EVENT) > 0) {
                violations.add(new Violation("end", "too-long", "an event lasts at most 14 days"));
            }
            programmeViolations(violations, start, end);
            if (registrationDeadline != null && registrationDeadline.isAfter(start)) {
                violations.add(new Violation("registrationDeadline", "after-start",
                        "registration must close before the event starts"));
            }
        }
        if (location == null) {
            violations.add(new Violation("location.mode", "required", "say where the event happens"));
        } else {
            violations.addAll(location.violations());
        }
        if (capacity != null && capacity < 1) {
            violations.add(new Violation("capacity", "min", "capacity must be at least 1, or empty for unlimited"));
        }
        breakoutViolations(violations);
        questionViolations(violations);
        if (waitlist.promotion() == null) {
            violations.add(new Violation("waitlist.promotion", "required", "choose how the waitlist moves up"));
        } else if (waitlist.promotion() == WaitlistPolicy.Promotion.OFFER && (waitlist.offerHours() == null
                || waitlist.offerHours() < 1 || waitlist.offerHours() > WaitlistPolicy.MAX_OFFER_HOURS)) {
            violations.add(new Violation("waitlist.offerHours", "range",
                    "an offer lasts between 1 and " + WaitlistPolicy.MAX_OFFER_HOURS + " hours"));
        }
        if (visibility.level() == null) {
            violations.add(new Violation("visibility.level", "required", "choose who may see the event"));
        }
        if (reportUrl != null && !reportUrl.isBlank() && !isWebAddress(reportUrl)) {
            violations.add(new Violation("reportUrl", "url", "the report link must be a full http(s) web address"));
        }
        if (series != null && (series.id() == null || series.id().isBlank())) {
            violations.add(new Violation("series.id", "required", "a series needs an id"));
        }
        return violations;
    }

    private void programmeViolations(List<Violation> violations, Instant start, Instant end) {
        Set<String> breakoutIds = new HashSet<>();
        attendance.breakouts().forEach(breakout -> breakoutIds.add(breakout.id()));
        List<ProgrammeItem> programme = schedule.programme();
        Instant previousStart = null;
        for (int i = 0; i < programme.size(); i++) {
            ProgrammeItem item = programme.get(i);
            String field = "programme[" + i + "]";
            if (item.title() == null || item.title().isBlank()) {
                violations.add(new Violation(field + ".title", "required", "a programme item needs a title"));
            }
            if (item.start() == null || item.end() == null) {
                violations.add(new Violation(field + ".start", "required", "a programme item needs a start and end"));
                continue;
            }
            if (!item.end().isAfter(item.start())) {
                violations.add(new Violation(field + ".end", "end-before-start", "a programme item must end after it starts"));
            }
            if (item.start().isBefore(start) || item.end().isAfter(end)) {
                violations.add(new Violation(field + ".start", "outside-event",
                        "a programme item must lie within the event's start and end"));
            }
            if (previousStart != null && item.start().isBefore(previousStart)) {
                violations.add(new Violation(field + ".start", "out-of-order", "the programme is in order of time"));
            }
            if (item.breakoutId() != null && !breakoutIds.contains(item.breakoutId())) {
                violations.add(new Violation(field + ".breakoutId", "unknown-breakout", "no breakout session has this id"));
            }
            previousStart = item.start();
        }
    }

    private void breakoutViolations(List<Violation> violations) {
        List<Breakout> breakouts = attendance.breakouts();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < breakouts.size(); i++) {
            Breakout breakout = breakouts.get(i);
            String field = "breakouts[" + i + "]";
            if (breakout.id() == null || breakout.id().isBlank() || !ids.add(breakout.id())) {
                violations.add(new Violation(field + ".id", "duplicate", "each breakout session needs its own id"));
            }
            if (breakout.title() == null || breakout.title().isBlank()) {
                violations.add(new Violation(field + ".title", "required", "a breakout session needs a title"));
            }
            if (breakout.capacity() != null && breakout.capacity() < 1) {
                violations.add(new Violation(field + ".capacity", "min", "capacity must be at least 1, or empty for unlimited"));
            }
        }
    }

    private void questionViolations(List<Violation> violations) {
        List<Question> questions = attendance.questions();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            String field = "questions[" + i + "]";
            if (question.id() == null || question.id().isBlank() || !ids.add(question.id())) {
                violations.add(new Violation(field + ".id", "duplicate", "each question needs its own id"));
            }
            if (question.label() == null || question.label().isBlank()) {
                violations.add(new Violation(field + ".label", "required", "a question needs its text"));
            }
            if (question.type() == null) {
                violations.add(new Violation(field + ".type", "required", "a question is text or choice"));
            } else if (question.type() == Question.Type.CHOICE && (question.options().size() < 2
                    || question.options().stream().anyMatch(option -> option == null || option.isBlank())
                    || new HashSet<>(question.options()).size() != question.options().size())) {
                violations.add(new Violation(field + ".options", "options", "a choice needs at least two different options"));
            }
        }
    }

    /** When or where changed in a way attendees must hear about. */
    boolean rescheduledFrom(EventDetails before) {
        return !schedule.start().equals(before.schedule.start()) || !schedule.end().equals(before.schedule.end());
    }

    boolean relocatedFrom(EventDetails before) {
        return location.movedFrom(before.location);
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list.stream().filter(Objects::nonNull).toList());
    }
}

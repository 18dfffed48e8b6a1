package nl.mboconnect.membership.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.domain.TextFields;
import nl.mboconnect.platform.domain.Violation;

/**
 * Where a member stands in the association: a friend ({@code vriend}), applying, or a full member
 * ({@code lid}, with voting rights). The {@code lid} role itself lives in Keycloak; a decision here
 * is kept as {@link Status#GRANTING} or {@link Status#ENDING} until Keycloak has it (pending-sync),
 * so the two never disagree for longer than Keycloak is away.
 *
 * @param application the open application: while applying, and after approval until Keycloak has the role
 * @param settledAt   when the status last changed; a token issued before it may carry the roles from before
 * @param history     everything that happened, oldest first: who, when, why
 */
public record Membership(Status status, Application application, Instant settledAt, List<Entry> history) {

    public static final int MOTIVATION_MAX = 2000;
    public static final int ORGANISATION_MAX = 120;
    public static final int REASON_MAX = 1000;

    public enum Status {
        VRIEND, APPLIED, GRANTING, LID, ENDING;

        /** Waiting for Keycloak to take over a decision. */
        public boolean awaitsKeycloak() {
            return this == GRANTING || this == ENDING;
        }
    }

    /** What can happen to a membership; each is one entry of its history. */
    public enum Kind {
        /** The member applied. */
        APPLIED,
        /** The member took their application back. */
        WITHDRAWN,
        /** A beheerder approved; the role follows. */
        APPROVED,
        /** A beheerder rejected, with a reason the applicant sees. */
        REJECTED,
        /** Keycloak gave the {@code lid} role. */
        GRANTED,
        /** A beheerder ended the membership, with a reason; the role goes. */
        ENDING,
        /** Keycloak took the {@code lid} role away. */
        ENDED,
        /** The member's token said {@code lid} without a decision here (given in the Keycloak console). */
        FOUND_GRANTED,
        /** The member's token no longer said {@code lid} (taken away in the Keycloak console). */
        FOUND_ENDED,
        /** An approval Keycloak could not carry out: the account is gone. */
        NOT_GRANTED
    }

    /** An application: why they want to be {@code lid} and where they work. */
    public record Application(String id, String motivation, String organisation, Instant appliedAt) {
    }

    /** Who did something: a beheerder, the member themselves, or nobody for what Keycloak did. */
    public record Actor(String id, String name) {
    }

    /** One thing that happened; {@code by} is empty for what the platform did. */
    public record Entry(Kind kind, Instant at, Actor by, String reason, String applicationId) {
    }

    public Membership {
        Objects.requireNonNull(status, "status");
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A new member: {@code lid} when their token says so (given in the console before they ever signed in). */
    public static Membership initial(boolean lidInToken, Instant now) {
        Membership friend = new Membership(Status.VRIEND, null, now, List.of());
        return lidInToken ? friend.with(Status.LID, null, new Entry(Kind.FOUND_GRANTED, now, null, null, null)) : friend;
    }

    /** A friend applies to become {@code lid}; one open application at a time. */
    public Membership applied(Actor member, String applicationId, String motivation, String organisation,
            Instant now) {
        switch (status) {
            case APPLIED -> throw Refusal.conflict("application-open", "you have an application open already");
            case GRANTING -> throw Refusal.conflict("being-processed", "your approved application is being processed");
            case LID, ENDING -> throw Refusal.conflict("already-lid", "you are a member of the association already");
            case VRIEND -> { }
        }
        List<Violation> violations = new ArrayList<>();
        String why = TextFields.required(violations, "motivation", motivation, MOTIVATION_MAX);
        String where = TextFields.required(violations, "organisation", organisation, ORGANISATION_MAX);
        Refusal.requireNone(violations);
        return with(Status.APPLIED, new Application(applicationId, why, where, now),
                new Entry(Kind.APPLIED, now, member, null, applicationId));
    }

    /** The applicant takes their application back. */
    public Membership withdrawn(Actor member, Instant now) {
        if (status != Status.APPLIED) {
            throw Refusal.conflict("no-open-application", "there is no open application to withdraw");
        }
        return with(Status.VRIEND, null, new Entry(Kind.WITHDRAWN, now, member, null, application.id()));
    }

    /** A beheerder approves the open application; Keycloak is asked for the role next. */
    public Membership approved(String applicationId, Actor beheerder, String note, Instant now) {
        requireOpen(applicationId);
        List<Violation> violations = new ArrayList<>();
        String why = TextFields.optional(violations, "reason", note, REASON_MAX);
        Refusal.requireNone(violations);
        return with(Status.GRANTING, application, new Entry(Kind.APPROVED, now, beheerder, why, applicationId));
    }

    /** A beheerder rejects the open application, saying why; the member may apply again. */
    public Membership rejected(String applicationId, Actor beheerder, String reason, Instant now) {
        requireOpen(applicationId);
        List<Violation> violations = new ArrayList<>();
        String why = TextFields.required(violations, "reason", reason, REASON_MAX);
        Refusal.requireNone(violations);
        return with(Status.VRIEND, null, new Entry(Kind.REJECTED, now, beheerder, why, applicationId));
    }

    /** A beheerder ends a membership, saying why; Keycloak is asked to take the role away next. */
    public Membership ending(Actor beheerder, String reason, Instant now) {
        if (status != Status.LID) {
            throw Refusal.conflict(status == Status.ENDING ? "being-processed" : "not-lid",
                    status == Status.ENDING ? "this membership is being ended already" : "this member is not a lid");
        }
        List<Violation> violations = new ArrayList<>();
        String why = TextFields.required(violations, "reason", reason, REASON_MAX);
        Refusal.requireNone(violations);
        return with(Status.ENDING, null, new Entry(Kind.ENDING, now, beheerder, why, null));
    }

    /** Keycloak did what was decided; empty when nothing was waiting for it. */
    public Optional<Membership> synced(Instant now) {
        return switch (status) {
            case GRANTING -> Optional.of(with(Status.LID, null,
                    new Entry(Kind.GRANTED, now, null, null, application == null ? null : application.id())));
            case ENDING -> Optional.of(with(Status.VRIEND, null, new Entry(Kind.ENDED, now, null, null, null)));
            default -> Optional.empty();
        };
    }

    /** Keycloak cannot give the role (the account is gone): the approval lapses. */
    public Optional<Membership> notGranted(String reason, Instant now) {
        return status == Status.GRANTING
                ? Optional.of(with(Status.VRIEND, null, new Entry(Kind.NOT_GRANTED, now, null, reason, application.id())))
                : Optional.empty();
    }

    /**
     * What a token issued after the last change says about the role, when it disagrees: the role was
     * given or taken in the Keycloak console. A token from before the last change proves nothing,
     * and neither does one while a decision waits for Keycloak.
     */
    public Optional<Membership> seenInToken(boolean lidInToken, Instant issuedAt, Instant now) {
        if (issuedAt == null || !issuedAt.isAfter(settledAt) || status.awaitsKeycloak()) {
            return Optional.empty();
        }
        if (lidInToken && (status == Status.VRIEND || status == Status.APPLIED)) {
            return Optional.of(with(Status.LID, null, new Entry(Kind.FOUND_GRANTED, now, null, null, null)));
        }
        if (!lidInToken && status == Status.LID) {
            return Optional.of(with(Status.VRIEND, null, new Entry(Kind.FOUND_ENDED, now, null, null, null)));
        }
        return Optional.empty();
    }

    /** Whether a token with these roles was issued before the last change and so carries the old ones. */
    public boolean outdates(boolean lidInToken, Instant issuedAt) {
        boolean lid = status == Status.LID;
        boolean settled = status == Status.LID || status == Status.VRIEND || status == Status.APPLIED;
        return settled && lid != lidInToken && issuedAt != null && !issuedAt.isAfter(settledAt);
    }

    /** The last rejection, for the applicant to read, if the last thing that happened was one. */
    public Optional<Entry> lastRejection() {
        if (history.isEmpty() || status != Status.VRIEND) {
            return Optional.empty();
        }
        Entry last = history.get(history.size() - 1);
        return last.kind() == Kind.REJECTED ? Optional.of(last) : Optional.empty();
    }

    private void requireOpen(String applicationId) {
        if (application == null || !application.id().equals(applicationId)) {
            throw Refusal.notFound("application " + applicationId);
        }
        if (status != Status.APPLIED) {
            throw Refusal.conflict("application-decided", "this application has been decided already");
        }
    }

    private Membership with(Status next, Application open, Entry entry) {
        List<Entry> more = new ArrayList<>(history);
        more.add(entry);
        return new Membership(next, open, entry.at(), more);
    }
}

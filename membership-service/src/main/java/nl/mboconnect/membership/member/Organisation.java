package nl.mboconnect.membership.member;

import java.util.Objects;

/** Where a member works: its kind and its name. */
public record Organisation(Kind kind, String name) {

    public static final int NAME_MAX = 120;

    public enum Kind {
        /** An mbo school (roc, aoc, vakschool). */
        SCHOOL,
        /** A company's own training centre (bedrijfsopleiding). */
        BEDRIJFSOPLEIDING,
        ANDERS
    }

    public Organisation {
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? null : name.strip();
    }
}

package nl.mboconnect.platform.domain;

import java.util.Objects;

/**
 * One field that breaks a rule: {@code field} is its path in the request ({@code programme[2].end}),
 * {@code code} a stable name a site translates ({@code outside-event}), {@code message} English, for
 * API clients and logs.
 */
public record Violation(String field, String code, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}

package nl.mboconnect.events.event;

/**
 * One field that breaks a rule: {@code field} is the path in the request ({@code programme[2].end}),
 * {@code code} a stable name the site translates ({@code outside-event}), {@code message} English
 * for API clients.
 */
public record Violation(String field, String code, String message) {
}

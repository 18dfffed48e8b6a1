package nl.mboconnect.platform.events;

/**
 * A record no retry can make readable: a missing CloudEvents header, data that is not the JSON the
 * consumer expects. The error handler sends it to the dead-letter topic at once and goes on.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

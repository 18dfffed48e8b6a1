package nl.mboconnect.events.event;

import java.util.List;

/** An event's own question on its registration form: free text, or a choice between options. */
public record Question(String id, String label, Type type, List<String> options, boolean required) {

    public static final int MAX_ANSWER_LENGTH = 1000;

    public enum Type {
        TEXT, CHOICE
    }

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
    }
}

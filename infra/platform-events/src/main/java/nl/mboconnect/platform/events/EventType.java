package nl.mboconnect.platform.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of event a service publishes: the topic it goes to, its CloudEvents {@code type}
 * and the record that carries its data. Producers declare these as constants next to their
 * event records, so topic names live in one place and never derive from class names.
 *
 * @param topic     {@code <service>.<aggregate>.v<n>} or {@code partner.<area>.v<n>}
 * @param type      {@code nl.mboconnect.<service>.<aggregate>.<verb>.v<n>}
 * @param dataClass the record written as the event's JSON data
 */
public record EventType<T>(String topic, String type, Class<T> dataClass) {

    private static final Pattern TOPIC = Pattern.compile("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v[0-9]+");
    private static final Pattern TYPE = Pattern.compile("nl\\.mboconnect(\\.[a-z]+(-[a-z]+)*){3}\\.v[0-9]+");

    public EventType {
        Objects.requireNonNull(dataClass, "dataClass");
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("topic must look like <service>.<aggregate>.v<n>: " + topic);
        }
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("type must look like nl.mboconnect.<service>.<aggregate>.<verb>.v<n>: " + type);
        }
    }

    public static <T> EventType<T> of(String topic, String type, Class<T> dataClass) {
        return new EventType<>(topic, type, dataClass);
    }
}

package nl.mboconnect.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;

import com.mongodb.client.MongoDatabase;

/**
 * A service's register of personal data ({@code PERSONAL-DATA.md}: per collection a heading
 * {@code ### `name`}, per field a table row whose first cell names it, or several, in backticks),
 * compared with what the service's database stores. A service's register test uses every feature
 * with every field filled in, then asks {@link #differences}: a stored field the register does not
 * name, or a named field never stored, is a difference; so the register stays true both ways.
 */
public final class PersonalDataRegister {

    private static final Pattern COLLECTION = Pattern.compile("^#{2,4} `([a-z_]+)`");
    /** A table row whose first cell names one field or several ({@code `a`, `b`}). */
    private static final Pattern ROW = Pattern.compile("^\\| (`[A-Za-z_.]+`(?:, `[A-Za-z_.]+`)*) \\|");
    private static final Pattern NAME = Pattern.compile("`([A-Za-z_.]+)`");

    private PersonalDataRegister() {
    }

    /** The register's fields per collection. */
    public static Map<String, Set<String>> read(Path register) {
        try {
            return parse(Files.readAllLines(register));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Set<String>> parse(List<String> lines) {
        Map<String, Set<String>> register = new LinkedHashMap<>();
        String collection = null;
        for (String line : lines) {
            Matcher heading = COLLECTION.matcher(line);
            Matcher row = ROW.matcher(line);
            if (heading.find()) {
                collection = heading.group(1);
                register.put(collection, new TreeSet<>());
            } else if (collection != null && row.find()) {
                Matcher name = NAME.matcher(row.group(1));
                while (name.find()) {
                    register.get(collection).add(name.group(1));
                }
            }
        }
        return register;
    }

    /** Every collection with the paths of the fields its documents hold ({@code membership.history.reason}). */
    public static Map<String, Set<String>> stored(MongoDatabase database) {
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        for (String collection : database.listCollectionNames()) {
            Set<String> paths = new TreeSet<>();
            for (Document document : database.getCollection(collection).find()) {
                collect(document, "", paths);
            }
            fields.put(collection, paths);
        }
        return fields;
    }

    private static void collect(Object value, String path, Set<String> paths) {
        if (value instanceof Document document && !document.isEmpty()) {
            document.forEach((name, inner) -> collect(inner, path.isEmpty() ? name : path + "." + name, paths));
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            list.forEach(element -> collect(element, path, paths));
        } else {
            paths.add(path);
        }
    }

    /**
     * Where the register and the database disagree: collections and fields stored but not in the
     * register, and fields in the register never stored.
     *
     * @param maybeEmpty collections only something the test does not do fills (an erasure, say):
     *                   their stored fields must be in the register, but need not be stored
     */
    public static List<String> differences(Path register, MongoDatabase database, Set<String> maybeEmpty) {
        Map<String, Set<String>> registered = read(register);
        Map<String, Set<String>> stored = stored(database);
        List<String> differences = new ArrayList<>();
        stored.forEach((collection, fields) -> {
            if (!registered.containsKey(collection)) {
                differences.add("stored, not in the register: collection " + collection);
            }
            Set<String> entries = registered.getOrDefault(collection, Set.of());
            fields.stream().filter(field -> entries.stream().noneMatch(entry -> covers(entry, field)))
                    .forEach(field -> differences.add("stored, not in the register: " + collection + "." + field));
        });
        registered.forEach((collection, entries) -> entries.stream()
                .filter(entry -> !maybeEmpty.contains(collection))
                .filter(entry -> stored.getOrDefault(collection, Set.of()).stream().noneMatch(field -> covers(entry, field)))
                .forEach(entry -> differences.add("in the register, never stored: " + collection + "." + entry)));
        return differences;
    }

    /** A register entry covers a field and everything inside it ({@code outbox} covers {@code outbox.data}). */
    private static boolean covers(String entry, String field) {
        return field.equals(entry) || field.startsWith(entry + ".");
    }
}

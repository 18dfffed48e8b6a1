package nl.mboconnect.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape every service keeps (STYLE.md): the domain is plain Java. A class is part of the domain
 * unless its name says it is an adapter: {@code *Resource}, {@code *Store}, {@code *Listener},
 * {@code *Configuration}, {@code *Topics}, {@code *Events} (the published records), {@code *View}, {@code *Web},
 * {@code *Application}, or a class nested in one of those.
 */
public final class ArchitectureRules {

    private static final Pattern ADAPTER = Pattern.compile(
            ".*(Resource|Store|Listener|Configuration|Topics|Events|View|Application|Directory|Web)");

    private ArchitectureRules() {
    }

    public static final DescribedPredicate<JavaClass> DOMAIN = new DescribedPredicate<>("domain classes") {
        @Override
        public boolean test(JavaClass javaClass) {
            JavaClass outermost = javaClass;
            while (outermost.getEnclosingClass().isPresent()) {
                outermost = outermost.getEnclosingClass().get();
            }
            return !ADAPTER.matcher(outermost.getSimpleName()).matches();
        }
    };

    /** Domain rules import no Spring, MongoDB, Kafka, Jackson or servlet type. */
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses().that(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                    "org.bson..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..",
                    "jakarta.servlet..", "nl.mboconnect.platform..")
            .because("domain rules are plain Java, tested without Spring (STYLE.md)");
}

package nl.mboconnect.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The shape every service keeps (STYLE.md), decided by what a class is, never by its name:
 * <ul>
 * <li>an <b>adapter</b> is a Spring stereotype ({@code @Component} and what carries it:
 * {@code @RestController}, {@code @Configuration}, {@code @Service}), a published contract (a class
 * that declares the service's {@code EventType}s), a {@code @Representation} (the JSON shape of a
 * resource's answer), or a type nested in one of those;</li>
 * <li>everything else in a service is its <b>domain</b>: plain Java, no Spring, MongoDB, Kafka,
 * Jackson or servlet types, and of the platform only its framework-free {@code platform.domain}.</li>
 * </ul>
 * Stores keep MongoDB to themselves: no public method of a service has a MongoDB type in its
 * signature, and a class that talks to MongoDB (a store) or Kafka (a listener), or answers HTTP (a
 * resource), is not public, so features reach each other only through their small public API.
 */
public final class ArchitectureRules {

    private static final String[] FRAMEWORKS = { "org.springframework..", "com.mongodb..", "org.bson..",
            "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta.servlet..", "io.cloudevents.." };
    private static final String EVENT_TYPE = "nl.mboconnect.platform.events.EventType";
    private static final String REPRESENTATION = "nl.mboconnect.platform.service.Representation";
    private static final Set<String> STORAGE = Set.of("com.mongodb", "org.bson");

    private ArchitectureRules() {
    }

    /** Spring stereotypes, published contracts, and what is nested in them. */
    public static final DescribedPredicate<JavaClass> ADAPTER = new DescribedPredicate<>(
            "adapters (Spring stereotypes, published contracts and what they nest)") {
        @Override
        public boolean test(JavaClass javaClass) {
            for (JavaClass outer = javaClass; outer != null; outer = outer.getEnclosingClass().orElse(null)) {
                if (outer.isMetaAnnotatedWith("org.springframework.stereotype.Component")
                        || outer.isAnnotatedWith(REPRESENTATION)
                        || outer.getFields().stream().anyMatch(ArchitectureRules::declaresAnEventType)) {
                    return true;
                }
            }
            return false;
        }
    };

    public static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.not(ADAPTER).as("domain classes");

    /** Domain rules import no framework type: plain Java, tested without Spring. */
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses().that(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .orShould().dependOnClassesThat(DescribedPredicate.describe("of the platform beyond platform.domain",
                    (JavaClass target) -> target.getPackageName().startsWith("nl.mboconnect.platform")
                            && !target.getPackageName().startsWith("nl.mboconnect.platform.domain")))
            .because("domain rules are plain Java, tested without Spring (STYLE.md)")
            .allowEmptyShould(true); // a service may not have rules of its own yet

    /** MongoDB stays inside the stores: no public method or constructor takes or gives one of its types. */
    public static final ArchRule NO_STORAGE_TYPES_IN_PUBLIC_SIGNATURES = classes()
            .should(new ArchCondition<>("have no MongoDB or BSON type in a public signature") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    if (!javaClass.getModifiers().contains(JavaModifier.PUBLIC)) {
                        return;
                    }
                    for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                        if (!unit.getModifiers().contains(JavaModifier.PUBLIC)) {
                            continue;
                        }
                        boolean storage = isStorage(unit.getRawReturnType())
                                || unit.getRawParameterTypes().stream().anyMatch(ArchitectureRules::isStorage);
                        if (storage) {
                            events.add(SimpleConditionEvent.violated(unit, unit.getFullName()
                                    + " shows a MongoDB type: give the store a named query instead"));
                        }
                    }
                }
            }).because("stores offer named queries; features never see MongoDB (STYLE.md)");

    /**
     * Resources, stores and listeners are package-private: a top-level class that answers HTTP, talks
     * to MongoDB or listens to Kafka is not public. (A stored record nested in a store may be public,
     * for the driver's codec.)
     */
    public static final ArchRule ADAPTERS_ARE_PACKAGE_PRIVATE = classes()
            .that(DescribedPredicate.describe("answer HTTP, talk to MongoDB or listen to Kafka",
                    ArchitectureRules::isResourceStoreOrListener))
            .and().areTopLevelClasses()
            .should().notBePublic()
            .because("a feature talks to another through one small public type (STYLE.md)");

    private static boolean declaresAnEventType(JavaField field) {
        return field.getModifiers().contains(JavaModifier.STATIC) && field.getRawType().getName().equals(EVENT_TYPE);
    }

    private static boolean isStorage(JavaClass type) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        return STORAGE.stream().anyMatch(prefix -> base.getPackageName().startsWith(prefix));
    }

    private static boolean isResourceStoreOrListener(JavaClass javaClass) {
        if (javaClass.isMetaAnnotatedWith("org.springframework.web.bind.annotation.RestController")) {
            return true;
        }
        boolean listens = javaClass.getMethods().stream()
                .anyMatch(method -> method.isAnnotatedWith("org.springframework.kafka.annotation.KafkaListener"));
        boolean stores = javaClass.getDirectDependenciesFromSelf().stream()
                .anyMatch(dependency -> dependency.getTargetClass().getPackageName().startsWith("com.mongodb"));
        return listens || stores;
    }
}

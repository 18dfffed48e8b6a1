package nl.mboconnect.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;

import nl.mboconnect.platform.domain.Roles;

/** The role lists live once: each annotation names exactly the roles of its set in {@link Roles}. */
class RoleAnnotationsTest {

    private static final Pattern QUOTED = Pattern.compile("'([a-z]+)'");

    @Test
    void eachAnnotationNamesTheRolesOfItsSet() {
        Map<Class<? extends Annotation>, Set<String>> expected = Map.of(
                MembersOnly.class, Roles.MEMBERS,
                EditorsOnly.class, Roles.EDITORS,
                AdministratorsOnly.class, Roles.ADMINISTRATORS,
                PartnersAndAdministrators.class, Roles.PARTNERS_AND_ADMINISTRATORS);
        expected.forEach((annotation, roles) -> {
            String expression = annotation.getAnnotation(PreAuthorize.class).value();
            assertThat(expression).as(annotation.getSimpleName()).startsWith("hasAnyRole(");
            Matcher quoted = QUOTED.matcher(expression);
            Set<String> named = quoted.results().map(result -> result.group(1)).collect(Collectors.toSet());
            assertThat(named).as(annotation.getSimpleName()).isEqualTo(roles);
        });
    }

    @Test
    void membersAreEveryRoleButThePartners() {
        assertThat(Roles.MEMBERS).doesNotContain(Roles.PARTNER);
        assertThat(Roles.ALL).containsAll(Roles.MEMBERS).contains(Roles.PARTNER);
        assertThat(Roles.MEMBERS).containsAll(Roles.EDITORS).containsAll(Roles.ADMINISTRATORS);
    }
}

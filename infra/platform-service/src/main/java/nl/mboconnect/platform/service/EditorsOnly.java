package nl.mboconnect.platform.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Editors and administrators: redacteur, beheerder. Others get 403 (401 without a token). The roles are
 * {@link nl.mboconnect.platform.domain.Roles#EDITORS}; a test holds the two together.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('redacteur', 'beheerder')")
public @interface EditorsOnly {
}

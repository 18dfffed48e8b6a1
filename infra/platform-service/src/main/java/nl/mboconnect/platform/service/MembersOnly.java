package nl.mboconnect.platform.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Signed-in members: vriend, lid, redacteur, beheerder. Others get 403 (401 without a token). The roles are
 * {@link nl.mboconnect.platform.domain.Roles#MEMBERS}; a test holds the two together.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('vriend', 'lid', 'redacteur', 'beheerder')")
public @interface MembersOnly {
}

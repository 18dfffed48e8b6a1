package nl.mboconnect.platform.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record that is the shape of what a resource answers or takes (its JSON), not a rule of the
 * domain: it may say how it is written ({@code @JsonUnwrapped} groups of a large view, say). The
 * architecture rules count it, and what it nests, among the adapters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Representation {
}

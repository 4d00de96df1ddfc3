package org.lotflow.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read under {@code /api} or {@code /console} that a logged-in user in none of lotflow's roles may still make: the
 * Console's login and logout pages and the redirects to them. Every other read is refused (403) to such a user by
 * {@link AllowedGroupsInterceptor}: someone whose roles were all removed (how access ends, README "Security") keeps
 * reading no batch record, lab result, customer or order (audit 29 F1; EU GMP Annex 11 §12.1, 21 CFR 11.10(d), (g)).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OpenToAnyUser {
}

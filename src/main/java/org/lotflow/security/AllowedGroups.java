package org.lotflow.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an API write at all, checked before the request's body is read or validated
 * ({@link AllowedGroupsInterceptor}): a user outside these groups gets {@code 403} with the groups named, never a
 * {@code 400} about fields of a request they may not make (an answer that would tell them what the request needs).
 * Administrators ({@link Groups#ADMIN}) are refused as any outsider is: every write a role makes is its members' own
 * ({@link CurrentUser#requireToRecord}, {@link CurrentUser#requireMember}; auditor 2026-12-06 B6).
 *
 * <p>The gate, not the rule: the application service behind the endpoint still checks the same groups (the rule's
 * home, which other callers such as the Console and Tasklist's task listeners reach too). Every {@code POST},
 * {@code PUT}, {@code PATCH} and {@code DELETE} under {@code /api} carries this annotation (a test holds the mapping
 * to it), and so do the Console's validated form posts (new lot, product, receipt, order, shipment).
 *
 * <pre>{@code
 * @AllowedGroups({Groups.PRODUCTION})
 * @PostMapping("/api/lots")
 * public ResponseEntity<LotView> create(@Valid @RequestBody CreateLotRequest r) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AllowedGroups {

    /** The groups whose members may call the endpoint (any one of them suffices). */
    String[] value();

    /** What the endpoint does, for the refusal's sentence ("Only Production may create a lot; ..."). */
    String work() default "do this";
}

/**
 * Retention and archiving (issue #16, the seed's "How long should I keep lot records?"): the nightly
 * {@code lotArchiving} run finds the lots past their retention that are no longer active
 * ({@link org.lotflow.lot.RetentionRule}), a QA manager reviews them ({@code reviewArchiving}: archive, with
 * exclusions, or keep all), and the confirmed ones become ARCHIVED. An archived lot stays fully readable (its view,
 * history, genealogy, certificate) and traceable, and a recall still reaches it; nothing is deleted.
 */
package org.lotflow.archive;

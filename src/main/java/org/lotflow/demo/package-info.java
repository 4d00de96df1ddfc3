/**
 * Demo data: the contract's demo users and the seed chapter's IL-250 scenario, so a newcomer
 * sees a living system at first start. On with the embedded database, off in the
 * {@code postgres} profile unless {@code lotflow.demo-data=true}.
 */
package org.lotflow.demo;

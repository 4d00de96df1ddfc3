package org.lotflow.quarantine.internal;

/**
 * What a hold asks for, as typed into {@code POST /api/lots/{lotNumber}/holds} or the Tasklist start
 * form, before {@link HoldRules#validate}: why ({@code reason}, required), what triggered it
 * ({@code source}, {@link HoldSource#OTHER} when absent) and an optional {@code reference} (a complaint
 * number, a customer).
 */
public record HoldInput(String reason, HoldSource source, String reference) {
}

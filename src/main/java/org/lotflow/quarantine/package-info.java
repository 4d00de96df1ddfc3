/**
 * Quarantine: a held lot's investigation, signed disposition and its outcome (the seed's "Lot Status
 * Update: IL250-2024-089" and "What should I do when a lot fails quality testing?"; 21 CFR 11.50,
 * 11.70, 11.200; EU GMP Annex 11 §14).
 *
 * <p>The module's API is {@link org.lotflow.quarantine.RecallRequested}, the hand-over of a RECALL
 * disposition to the recall module. Everything else is internal: the use cases ({@code HoldPlacement},
 * {@code Investigation}, {@code DecisionOverdue}, {@code DispositionSigning}, {@code DispositionOutcomes},
 * {@code FollowUp}), the read side ({@code QuarantineQueries}), the plain rules ({@code HoldRules},
 * {@code DispositionRules}, {@code DecisionDeadline}, {@code ImpactAssessment}) and the {@code lot_hold}
 * entity in {@code internal}; the REST controller in {@code internal.web}; the listeners, delegates,
 * typed variables and engine adapters of {@code quarantineInvestigation} in {@code internal.process}.
 * Lots are read and changed through the lot module ({@code LotService}), shipments through the order
 * module's {@code Deliveries}.
 */
package org.lotflow.quarantine;

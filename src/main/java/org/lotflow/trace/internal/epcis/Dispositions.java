package org.lotflow.trace.internal.epcis;

import org.lotflow.lot.LotStatus;

/**
 * The CBV 2.0 disposition (GS1 Core Business Vocabulary 2.0, section 7.2) of a lot in each lotflow status, as
 * EPCIS documents write it on the event of the lot's change into that status ({@link StatusChanges}):
 * <ul>
 * <li>{@code PENDING} -> {@code in_progress} (awaiting lab results and release: being processed);</li>
 * <li>{@code RELEASED} -> {@code active} (commissioned into the supply chain, may be sold);</li>
 * <li>{@code QUARANTINE} -> {@code non_sellable_other} (on hold: may not be sold, for another reason than
 * expiry, damage or recall);</li>
 * <li>{@code REJECTED} -> {@code non_conformant} (a QA manager judged it out of specification);</li>
 * <li>{@code EXPIRED} -> {@code expired};</li>
 * <li>{@code RECALLED} -> {@code recalled};</li>
 * <li>{@code DEPLETED} -> {@code unavailable} (nothing of it left at the plant: used or shipped);</li>
 * <li>{@code ARCHIVED} -> {@code inactive} (closed after its retention period).</li>
 * </ul>
 * The event that received or made the lot has {@link #AT_CREATION}, never the lot's status now (EPCIS 2.0 section
 * 7.4.1: an event, once issued, never changes). A shipment is {@code in_transit} (CBV's disposition after
 * {@code shipping}); a disposal {@code destroyed} or
 * {@code returned} (to the supplier). A plain rule: no Spring, no
 * database; {@code DispositionsTest} covers every status.
 */
public final class Dispositions {

    /**
     * The disposition of a lot's receiving, commissioning or transformation event, as of that event:
     * {@code in_progress}
     * (CBV 2.0: the "default disposition for an object proceeding through points in the supply chain"; GS1's examples
     * of a receipt and of a transformation in the EPCIS 2.0 standard, 9.6.1, 9.6.2 and 9.6.4, have it), as every lot
     * starts {@code PENDING} (its history's {@code CREATED} record; received into quarantine, it is then held by a
     * status change of its own): received or made, not yet released nor sellable. Not {@code active} ("introduced
     * into the supply chain"), which its release says later, nor the status it has now, which came later.
     */
    public static final String AT_CREATION = "in_progress";

    /** The disposition of a shipment: the goods left the plant for the customer. */
    public static final String SHIPPED = "in_transit";

    /** The disposition of stock destroyed at or for the plant (CBV 2.0: "fully rendered non-usable"). */
    public static final String DESTROYED = "destroyed";

    /** The disposition of stock returned to its supplier (CBV 2.0: "sent back ... to the previous party"). */
    public static final String RETURNED = "returned";

    private Dispositions() {
    }

    /** The CBV disposition of a lot in {@code status}. */
    public static String of(LotStatus status) {
        return switch (status) {
            case PENDING -> "in_progress";
            case RELEASED -> "active";
            case QUARANTINE -> "non_sellable_other";
            case REJECTED -> "non_conformant";
            case EXPIRED -> "expired";
            case RECALLED -> "recalled";
            case DEPLETED -> "unavailable";
            case ARCHIVED -> "inactive";
        };
    }
}

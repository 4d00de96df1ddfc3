package org.lotflow.trace.internal.epcis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.LotOrigins;
import org.lotflow.lot.LotStatus;

/**
 * A lot's status change, as lotflow's lot history records it ({@code STATUS_CHANGED}, with the status before and
 * after and when), as an EPCIS event of its own: an {@code ObjectEvent}, action {@code OBSERVE} (the lot exists
 * before and after; EPCIS 2.0 section 7.4.2), its {@code quantityList} the lot's class alone, without a quantity
 * (the status is the whole lot's, whatever of it is where; EPCIS 2.0 section 7.3.3.3, quantity optional),
 * {@code eventTime} the instant the change was recorded, readPoint and bizLocation the plant, eventID from the
 * history's record ({@link EpcisIds#statusChange}), and lotflow's fields {@code lotflow:previousLotStatus} and
 * {@code lotflow:lotStatus} (lotflow's words, EPCIS 2.0 section 7.3.6 user extensions).
 *
 * <p>EPCIS events are facts that never change (EPCIS 2.0 section 7.4.1): the receiving or making of a lot keeps the
 * disposition it had then ({@link Dispositions#AT_CREATION}) and each later hold, release, rejection, recall or expiry
 * is this event, dated when it happened. Its {@code disposition} is the new status's ({@link Dispositions#of}); its
 * {@code bizStep} one of the GS1 Core Business Vocabulary 2.0's (section 7.1; the enumeration of GS1's EPCIS 2.0 JSON
 * Schema), which has no step for a recall, an expiry or a closing:
 * <ul>
 * <li>into {@code QUARANTINE}, {@code RECALLED} or {@code EXPIRED}: {@code holding} (CBV: "an object is being
 * segregated for further review"): the stock is set aside, never allocated, used or shipped, until its disposition
 * (release, rejection, disposal) is decided; the disposition says why ({@code non_sellable_other}, {@code recalled},
 * {@code expired});</li>
 * <li>into {@code RELEASED} or {@code REJECTED}: {@code inspecting} (CBV: "reviewing objects to address potential
 * physical or documentation defects"): a QA manager's decision on the lab results (lab release) or on a hold's
 * investigation (its disposition); {@code active} or {@code non_conformant};</li>
 * <li>into {@code DEPLETED} (nothing left at the plant: used or shipped) or {@code ARCHIVED} (closed after its
 * retention period): {@code other} (CBV: a step none of its others names): lotflow records them, no one did anything
 * to the goods; {@code unavailable} or {@code inactive};</li>
 * <li>{@code PENDING} is never a new status ({@link LotStatus}); were it one: {@code other}.</li>
 * </ul>
 * A plain rule: no Spring, no database; {@code StatusChangesTest}.
 */
public final class StatusChanges {

    /**
     * One status change of lot {@code lotId}: the history's record {@code historyId}, recorded at {@code at}, whose
     * day in the plant's zone is {@code date}; {@code previousStatus} and {@code newStatus} are {@link LotStatus}
     * names.
     */
    public record Change(long historyId, Long lotId, Instant at, LocalDate date, String previousStatus,
            String newStatus) {
    }

    private StatusChanges() {
    }

    /** The CBV 2.0 bizStep of a change into {@code status} (see the class). */
    public static String bizStep(LotStatus status) {
        return switch (status) {
            case QUARANTINE, RECALLED, EXPIRED -> "holding";
            case RELEASED, REJECTED -> "inspecting";
            case DEPLETED, ARCHIVED, PENDING -> "other";
        };
    }

    /** The event of {@code change} of lot {@code lot} (see the class). */
    public static EpcisEvent event(EpcisIds ids, LotOrigins.Origin lot, Change change) {
        LotStatus status = LotStatus.valueOf(change.newStatus());
        Map<String, String> fields = new LinkedHashMap<>();
        if (change.previousStatus() != null) {
            fields.put("lotflow:previousLotStatus", change.previousStatus());
        }
        fields.put("lotflow:lotStatus", change.newStatus());
        EpcisEvent.Quantity wholeLot = new EpcisEvent.Quantity(ids.lotClass(lot.gtin(), lot.lotNumber()), null, null);
        return new EpcisEvent(EpcisEvent.Kind.STATUS_CHANGE, change.date(), lot.lotNumber(),
                ids.statusChange(lot.lotNumber(), change.historyId()), "OBSERVE", bizStep(status),
                Dispositions.of(status), List.of(), List.of(wholeLot), List.of(), List.of(), List.of(), Map.of(), true,
                fields, change.at());
    }
}

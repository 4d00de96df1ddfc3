package org.lotflow.lot.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotSource;
import org.lotflow.lot.LotStatus;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;

/**
 * The rules a new lot must meet before it is created (the seed, "Lot creation" and "Genealogy"; FSMA
 * 204 key data elements: the dates of a lot are facts, never guessed). A plain rule: no Spring, no
 * database. Refusals name the field: {@link InvalidInput} (400) for the request's own data,
 * {@link StateConflict} (409) for a source lot that may not be consumed.
 */
public final class NewLotRules {

    private NewLotRules() {
    }

    /**
     * The lot's expiration date: the one given, else the manufacture date plus the product's shelf life
     * in months. It must be after the manufacture date and, for a lot made or found here (not {@code receivedFromSupplier}),
     * not later than the manufacture date plus the shelf life; a received lot keeps its supplier's date (its
     * manufacture date is often unknown and then the receipt date); the receipt date (optional) must not be before
     * it; the manufacture date must not be after {@code today}, and the expiration date must be after it (an expired
     * lot is not taken into stock, as an expired delivery in {@link ReceiptRules}).
     */
    public static LocalDate expiration(LocalDate manufactured, LocalDate received, LocalDate expires,
            int shelfLifeMonths, LocalDate today, boolean receivedFromSupplier) {
        LocalDate expiration = expires != null ? expires : manufactured.plusMonths(shelfLifeMonths);
        if (!expiration.isAfter(manufactured)) {
            throw new InvalidInput("expirationDate", "must be after the manufacture date " + manufactured);
        }
        LocalDate longest = manufactured.plusMonths(shelfLifeMonths);
        if (!receivedFromSupplier && expiration.isAfter(longest)) {
            // the product's shelf life is what its stability data supports: a later date would let FEFO and every
            // customer take the lot for fresher than it is (auditor 2026-12-05 F9: any date up to 2199 was kept)
            throw new InvalidInput("expirationDate", "must not be later than the manufacture date plus the product's"
                    + " shelf life of " + shelfLifeMonths + " months (" + longest + "), was " + expiration);
        }
        if (received != null && received.isBefore(manufactured)) {
            throw new InvalidInput("receiptDate", "must not be before the manufacture date");
        }
        if (manufactured.isAfter(today)) {
            throw new InvalidInput("manufactureDate", "must not be in the future (today is " + today + ")");
        }
        if (!expiration.isAfter(today)) {
            // a batch record entered after its lot expired made an expired lot wait for testing and release as if it
            // were stock (new user 2026-12-06 F18): as an expired delivery, it is not taken into stock
            throw new InvalidInput("expirationDate", "must be after today " + today + ": this lot has expired ("
                    + expiration + (expires == null ? ", its manufacture date plus the product's shelf life of "
                    + shelfLifeMonths + " months" : "") + ") and is not taken into stock");
        }
        return expiration;
    }

    /**
     * A lot of source {@link LotSource#RECEIPT} records its supplier ({@code POST /api/receipts}); no other
     * lot does. 400 naming {@code source} otherwise (FSMA 204: a receiving event without its immediate
     * previous source is incomplete).
     */
    public static void requireReceiptOnlyForReceived(LotSource source, boolean hasReceipt) {
        if (source == LotSource.RECEIPT && !hasReceipt) {
            throw new InvalidInput("source", "RECEIPT lots are received with POST /api/receipts, which records the"
                    + " supplier, the supplier's lot number and the delivery");
        }
        if (source != LotSource.RECEIPT && hasReceipt) {
            throw new InvalidInput("source", "only a RECEIPT lot has a supplier");
        }
    }

    /**
     * A lot of source {@link LotSource#REPACKAGING} is made from existing inventory (the seed, "Repackaging operations -
     * creating new lots from existing inventory") and lists at least one source lot: 400 naming {@code sourceLots}
     * otherwise. Repacked from nothing, the lot would count the same goods a second time beside the stock they still
     * are in, and the trace, a recall of that stock and the FSMA 204 transformation record (21 CFR 1.1350(a)(1): the
     * traceability lot code of the food used) would not link them (mass test 27 M1).
     */
    public static void requireSourcesOfRepacked(LotSource source, int sourceLotCount) {
        if (source == LotSource.REPACKAGING && sourceLotCount == 0) {
            throw new InvalidInput("sourceLots", "a repackaged lot is made from stock already on hand: list the lot or"
                    + " lots it was repacked from in sourceLots, each with the quantity taken from it, so that stock is"
                    + " taken out of them and the trace and any recall of them reach the new lot");
        }
    }

    /**
     * A repacked lot's expiration date and, when the lots it was repacked from cut it short, why.
     * {@code limitedBy}: the source lot whose date it took, null when it is {@code date} as stated or computed.
     */
    public record RepackedExpiration(LocalDate date, String limitedBy, String reason) {
    }

    /**
     * The expiration date of a lot repacked from {@code sources} (in {@code sourceLots} order): repacking does not
     * renew shelf life, so it is never later than the earliest expiration date among them. {@code expiration}: the date
     * {@link #expiration} gave ({@code stated}: typed in the request; otherwise the manufacture date plus the
     * product's shelf life). A stated date later than the earliest source's is 400 naming {@code expirationDate}; a
     * computed one is cut back to it, and the {@link RepackedExpiration#reason} says so for the lot's history. A lot
     * of another source (a manufactured lot is a new product with its own shelf life) is not concerned. Otherwise
     * FEFO, the expiry run and the shipping checks would take material about to expire for fresh stock once repacked
     * (mass test 27 M1: bulk expiring 2025-02-20 came out as drums expiring 2027-02-03); the material repacked is as
     * old as it was, as a received lot keeps its supplier's date.
     */
    public static RepackedExpiration repackedExpiration(LocalDate expiration, boolean stated, List<Lot> sources) {
        Lot earliest = null;
        int at = -1;
        for (int i = 0; i < sources.size(); i++) {
            Lot s = sources.get(i);
            if (earliest == null || s.getExpirationDate().isBefore(earliest.getExpirationDate())) {
                earliest = s;
                at = i;
            }
        }
        if (earliest == null || !expiration.isAfter(earliest.getExpirationDate())) {
            return new RepackedExpiration(expiration, null, null);
        }
        LocalDate limit = earliest.getExpirationDate();
        String source = "source lot " + earliest.getLotNumber() + " (sourceLots[" + at + "])";
        if (stated) {
            throw new InvalidInput("expirationDate", expiration + " is later than " + limit + ", the expiration date of "
                    + source + ": repacking does not renew shelf life, so a repacked lot expires no later than the"
                    + " earliest of the lots it was repacked from; give " + limit + " or an earlier date, or leave it"
                    + " empty and lotflow takes " + limit);
        }
        return new RepackedExpiration(limit, earliest.getLotNumber(), "Expires " + limit + " as source lot "
                + earliest.getLotNumber() + ", the earliest expiring of the lots it was repacked from: repacking does not renew shelf life (the"
                + " manufacture date plus the product's shelf life would have given " + expiration + ")");
    }

    /** Each source lot is listed once: 400 naming {@code sourceLots[i].lotNumber} of the second mention. */
    public static void requireDistinct(List<String> sourceLotNumbers) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sourceLotNumbers.size(); i++) {
            if (!seen.add(sourceLotNumbers.get(i))) {
                throw new InvalidInput("sourceLots[" + i + "].lotNumber",
                        "lot " + sourceLotNumbers.get(i) + " is listed twice");
            }
        }
    }

    /**
     * The source lot listed at {@code index} may be consumed: it exists (400 otherwise), is RELEASED and
     * not expired on {@code today} (409 otherwise), and not released on a concession (409: out-of-specification material
     * goes only to a customer a QA manager approved it for, never into a new batch that FEFO would hand to anyone).
     */
    public static Lot requireConsumable(int index, String lotNumber, Lot source, LocalDate today) {
        if (source == null) {
            throw new InvalidInput("sourceLots[" + index + "].lotNumber", "no lot '" + lotNumber + "'");
        }
        boolean expired = source.isExpiredOn(today);
        if (source.getStatus() != LotStatus.RELEASED || expired) {
            throw new StateConflict("Source lot " + lotNumber + " is " + source.getStatus()
                    + (expired ? " and expired" : "") + "; only released, unexpired lots can be consumed")
                    .with("lotNumber", lotNumber);
        }
        if (source.isReleasedOnConcession()) {
            // blending or reworking OOS material needs QA's own procedure (21 CFR 211.115); consumed here, it came out
            // as an ordinary lot that FEFO allocated to any customer (auditor 2026-12-06 F11)
            throw new StateConflict("Source lot " + lotNumber + " was released on a concession after a confirmed"
                    + " out-of-specification result; it goes only to a customer a QA manager approves it for, and is"
                    + " not consumed into a new batch").with("lotNumber", lotNumber);
        }
        return source;
    }

    /**
     * A source lot of a product counted in whole units ({@link org.lotflow.product.WholeUnits}: serialised, one serial
     * per unit, or counted in packages such as drums) is consumed in whole units: 400 naming
     * {@code sourceLots[index].quantity} otherwise (auditor 2026-12-06 G-e: half a pump was consumed, leaving 0.5 units
     * that no whole-unit order could take and no serial matched; audit 28 F2: half a drum). A source lot recorded
     * with a fraction before the rule may still give up the fraction that leaves its stock on hand whole
     * ({@link org.lotflow.product.WholeUnits#takesFrom}).
     */
    public static void requireWholeUnits(int index, Lot source, java.math.BigDecimal quantity) {
        org.lotflow.product.WholeUnits.require("sourceLots[" + index + "].quantity", source.getProduct(), quantity,
                source.quantities().onHand());
    }

    /**
     * A serialised source lot is consumed whole: all its units on hand, none of them allocated (400 naming
     * {@code sourceLots[index].quantity} otherwise). Which units went into the new lot is recorded by serial; lotflow
     * does not take serials at consumption yet, so only a whole lot's consumption says it truthfully (auditor
     * 2026-12-06 G6: the consumed units' serials stayed IN_STOCK and could be named in a shipment).
     */
    public static void requireWholeSerialisedLot(int index, Lot source, java.math.BigDecimal quantity) {
        if (quantity == null || !source.getProduct().isSerialised()) {
            return;
        }
        java.math.BigDecimal onHand = source.quantities().onHand();
        if (quantity.compareTo(onHand) != 0 || source.getAllocated().signum() != 0) {
            throw new InvalidInput("sourceLots[" + index + "].quantity", "lot " + source.getLotNumber() + " is of"
                    + " serialised product " + source.getProduct().getSku() + ": it is consumed whole, all its "
                    + onHand.stripTrailingZeros().toPlainString() + " units on hand" + (source.getAllocated().signum()
                            != 0 ? " once none of them is allocated" : "") + " (which units went in is recorded by"
                    + " serial, and serials are not named at consumption yet)");
        }
    }

    /**
     * A lot is not made before the source lot listed at {@code index} existed at the plant: its manufacture date is on
     * or after the source's manufacture date and, for a received source, its receipt date (400 naming
     * {@code manufactureDate} otherwise). Otherwise the transformation's date (an FSMA 204 key data element, 21 CFR
     * 1.1350) and the trace would say a product was made from material that did not exist yet (auditor 2026-12-06 B5).
     */
    public static void requireMadeAfter(int index, Lot source, LocalDate manufactured) {
        if (manufactured == null) {
            return;
        }
        LocalDate made = source.getManufactureDate();
        LocalDate received = source.getReceiptDate();
        boolean receivedLater = received != null && (made == null || received.isAfter(made));
        LocalDate existed = receivedLater ? received : made;
        if (existed != null && manufactured.isBefore(existed)) {
            throw new InvalidInput("manufactureDate", manufactured + " is before source lot " + source.getLotNumber()
                    + " (sourceLots[" + index + "]) was " + (receivedLater ? "received" : "made") + " (" + existed
                    + "): a lot is not made from material that did not exist yet");
        }
    }
}

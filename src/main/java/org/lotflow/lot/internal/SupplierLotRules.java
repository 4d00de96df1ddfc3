package org.lotflow.lot.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.lotflow.lot.LotStatus;
import org.lotflow.shared.PartyReadings;

/**
 * Which earlier lots a new delivery of a supplier lot is checked against, and which of them keep it out of normal stock
 * ({@code POST /api/receipts}, {@link org.lotflow.lot.Receiving}). A plain rule: no Spring, no database; the lots are
 * read by {@link LotRepository#receivedOfSupplierLot}, and the words of a recall, rejection or hold are looked up by
 * the caller ({@link Reasons}).
 *
 * <p><b>Which lots ({@link #checkedAgainst}).</b> Every lot received with the same supplier lot number, whatever its
 * capitals, spaces, dashes and other punctuation ("as-2", "AS 2", "AS2" and "AS‐2" with a Unicode hyphen are "AS-2":
 * its {@link #key}, re-test 27 R2), that is either
 * <ul>
 * <li>of the same supplier (its name the same text, capitals aside: {@link PartyReadings#sameText}), of any product,
 * as before; or</li>
 * <li>of the same product, whatever the supplier's name is on it (audit 27 F2: "Audit Supplies Ltd." and "Audit
 * Supplies Limited" are the one supplier to a QA person, not to an exact comparison; no spelling rule of names can be
 * complete, punctuation and legal suffixes being only the commonest differences).</li>
 * </ul>
 * Why the product: the supplier lot number is the material's identity, the lot code the supplier's certificate,
 * complaint and recall name (21 CFR 211.84(a), 211.87: a component's lot is held until QA approves it and re-examined
 * when its fitness is in question), and under FSMA 204 it is the traceability lot code, which travels with the food
 * unchanged whoever ships it on (21 CFR 1.1320, 1.1345: a distributor passes on the originator's code). The same code
 * on the same product under another supplier name is therefore the same material far more often than a coincidence,
 * and when it is a coincidence a QA person decides it at once with the other lot named. Missing it would put material
 * QA refused into normal stock. Another product's lot with the same code from another supplier is not looked at:
 * suppliers number independently, and short codes ("L-1", "2025-01") collide across materials.
 *
 * <p><b>Which of them keep the delivery out of normal stock ({@link #concern}).</b> A lot RECALLED or recalled once
 * ({@code recalled_once}), a lot REJECTED by QA or archived since from REJECTED ({@code archived_from}, V180, audit 27
 * F1: a rejection is a fact of the lot's history, as {@code GenealogyQueries}' unfit sources read it), and a lot QA
 * holds now ({@code QUARANTINE}: in lotflow a lot in QUARANTINE always has an open hold, and its disposition is not
 * decided yet; audit 27 F2: a sibling under a complaint investigation). Such a delivery is received into quarantine
 * with a hold whose reason is {@link #sentence}, until a QA manager decides its disposition.
 */
public final class SupplierLotRules {

    /** The most characters of {@link #sentence}: with "Received into quarantine: " it is a hold's reason (2,000). */
    static final int MAX_SENTENCE = 1900;

    /** At most this many earlier lots are named one by one (then "and N more"), fewer when their words are long. */
    static final int NAMED = 5;

    /** At most this many characters of a rejection's or hold's reason are quoted. */
    static final int QUOTED = 200;

    private SupplierLotRules() {
    }

    /** The most characters of a {@link #key} ({@code lot.supplier_lot_key}, V189). */
    public static final int MAX_KEY = 400;

    /**
     * What a supplier lot number is compared by ({@code lot.supplier_lot_key}, V189; re-test 27 R2): its NFKC form
     * (full-width letters and digits as the plain ones, compatibility characters spelled out), in capitals, with its
     * letters and digits only, so "AS 2", "as-2", "AS2", "AS‐2" (U+2010 hyphen), "AS–2" (en dash) and "ＡＳ-２"
     * (full-width) are all "AS2". Letters and digits of any script are kept (a code written in Greek or Cyrillic is
     * not folded to nothing); a number with neither (only punctuation) is its capitals as they are. Null for null.
     * At most {@value #MAX_KEY} characters.
     */
    public static String key(String supplierLotNumber) {
        if (supplierLotNumber == null) {
            return null;
        }
        String upper = java.text.Normalizer.normalize(supplierLotNumber, java.text.Normalizer.Form.NFKC).strip()
                .toUpperCase(java.util.Locale.ROOT);
        StringBuilder key = new StringBuilder();
        upper.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        String kept = key.isEmpty() ? upper : key.toString();
        return kept.length() > MAX_KEY ? kept.substring(0, MAX_KEY) : kept;
    }

    /** Whether two supplier lot numbers are written alike, capitals aside ("as-2" and "AS-2", not "AS 2"). */
    public static boolean sameSpelling(String a, String b) {
        return a != null && b != null && a.strip().toUpperCase(java.util.Locale.ROOT)
                .equals(b.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * A lot received with the supplier lot number (a row of {@link LotRepository#receivedOfSupplierLot}).
     *
     * @param archivedFrom the status it was archived from, null unless ARCHIVED
     * @param productId    its product
     */
    public record Sibling(String lotNumber, String supplier, String supplierLotNumber, String deliveryReference,
            LotStatus status, boolean recalledOnce, long id, LotStatus archivedFrom, long productId) {

        /** From a row {@code [lotNumber, supplier, supplierLotNumber, deliveryReference, status, recalledOnce, id,
         * archivedFrom, productId]}. */
        public static Sibling of(Object[] row) {
            return new Sibling((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    LotStatus.valueOf((String) row[4]), Boolean.TRUE.equals(row[5]), ((Number) row[6]).longValue(),
                    row[7] == null ? null : LotStatus.valueOf((String) row[7]), ((Number) row[8]).longValue());
        }
    }

    /** Why an earlier lot keeps a new delivery of its supplier lot out of normal stock; in this order of weight. */
    public enum Concern {
        /** RECALLED now, or recalled once (archived since). */
        RECALLED,
        /** REJECTED by QA, now or before it was archived. */
        REJECTED,
        /** Held by QA now (QUARANTINE), its disposition not decided. */
        HELD
    }

    /** The words of the history, looked up by lot id for the lots named; each null when there are none. */
    public interface Reasons {

        /** The number of the recall that made the lot RECALLED. */
        String recallNumber(long lotId);

        /** Why QA rejected the lot. */
        String rejection(long lotId);

        /** Why QA holds the lot. */
        String hold(long lotId);
    }

    /** The delivery being received: its supplier as kept, supplier lot number, product (null: unknown), reference. */
    public record Delivery(String supplier, String supplierLotNumber, Long productId, String deliveryReference) {
    }

    /** Whether the lot is of the delivery's supplier: the same text, capitals aside. */
    public static boolean sameSupplier(String supplier, Sibling lot) {
        return lot.supplier() != null && PartyReadings.sameText(supplier, lot.supplier());
    }

    /**
     * The lots a delivery is checked against (see the class): of the same supplier, or of the same product whatever
     * the supplier's name; in the order given.
     */
    public static List<Sibling> checkedAgainst(Delivery in, List<Sibling> ofSupplierLotNumber) {
        return ofSupplierLotNumber.stream().filter(lot -> sameSupplier(in.supplier(), lot)
                || in.productId() != null && in.productId() == lot.productId()).toList();
    }

    /** Null (fit as far as the receipt is concerned), or why the lot keeps a new delivery out of normal stock. */
    public static Concern concern(Sibling lot) {
        if (lot.status() == LotStatus.RECALLED || lot.recalledOnce()) {
            return Concern.RECALLED;
        }
        if (lot.status() == LotStatus.REJECTED
                || lot.status() == LotStatus.ARCHIVED && lot.archivedFrom() == LotStatus.REJECTED) {
            return Concern.REJECTED;
        }
        return lot.status() == LotStatus.QUARANTINE ? Concern.HELD : null;
    }

    /**
     * Null, or the sentence saying why the delivery is received into quarantine: the lots of {@code checked} with a
     * {@link #concern}, recalled first, then rejected, then held, at most {@link #NAMED} named with the recall's number,
     * the rejection's or the hold's reason, and the supplier and spelling of the lot number they were received under
     * when those differ from the delivery's; at most {@link #MAX_SENTENCE} characters.
     */
    public static String sentence(Delivery in, List<Sibling> checked, Reasons reasons) {
        List<Sibling> unfit = checked.stream().filter(lot -> concern(lot) != null)
                .sorted(Comparator.comparing(SupplierLotRules::concern)).toList();
        if (unfit.isEmpty()) {
            return null;
        }
        boolean held = unfit.stream().anyMatch(lot -> concern(lot) == Concern.HELD);
        boolean unfitOnce = unfit.stream().anyMatch(lot -> concern(lot) != Concern.HELD);
        String head = "earlier lots of supplier lot " + in.supplierLotNumber() + " from " + in.supplier()
                + (unfitOnce ? " were recalled or rejected" : "") + (unfitOnce && held ? ", or are" : held ? " are" : "")
                + (held ? " held by QA" : "") + ": ";
        boolean otherName = unfit.stream().anyMatch(lot -> !sameSupplier(in.supplier(), lot));
        boolean otherSpelling = unfit.stream().anyMatch(lot -> !sameSpelling(in.supplierLotNumber(),
                lot.supplierLotNumber()));
        String tail = ". This delivery" + (in.deliveryReference() == null ? "" : " (" + in.deliveryReference() + ")")
                + " is not used or released until a QA manager decides its disposition" + (otherName
                        ? " (a lot received under another supplier name counts: the supplier lot number on the same"
                                + " product is the material's lot code, whatever the spelling of the supplier)"
                        : "")
                + (otherSpelling ? " (a supplier lot number written with other spaces, dashes or punctuation counts:"
                        + " supplier lot numbers are compared by their letters and digits)" : "");
        List<String> named = new ArrayList<>();
        for (Sibling lot : unfit.subList(0, Math.min(NAMED, unfit.size()))) {
            named.add(described(in, lot, reasons));
        }
        String sentence = head + String.join("; ", named) + more(unfit.size() - named.size()) + tail;
        while (sentence.length() > MAX_SENTENCE && named.size() > 1) {
            named.remove(named.size() - 1);
            sentence = head + String.join("; ", named) + more(unfit.size() - named.size()) + tail;
        }
        return sentence.length() > MAX_SENTENCE ? sentence.substring(0, MAX_SENTENCE - 3) + "..." : sentence;
    }

    private static String more(int count) {
        return count == 0 ? "" : "; and " + count + " more";
    }

    /**
     * "ARM-2025-001 was RECALLED (recall RC-2025-001)", "RAWA-2025-001 was REJECTED by QA (Contamination), now
     * ARCHIVED", "RAWA-2026-007 is held by QA in QUARANTINE, its disposition not decided (Customer found metal
     * particles)" ("... since its receipt" for a lot held as it was received); with "(supplier lot AS-2
     * of Audit Supplies Ltd)" after the lot number when it was received under another supplier name, "(supplier lot
     * AS 2, written AS-2 on this lot)" when it was received from the same supplier under another spelling of the
     * supplier lot number (re-test 27 R2).
     */
    static String described(Delivery in, Sibling lot, Reasons reasons) {
        String under = !sameSupplier(in.supplier(), lot) ? " (supplier lot " + lot.supplierLotNumber() + " of "
                + lot.supplier() + ")"
                : in.supplierLotNumber().equals(lot.supplierLotNumber()) ? ""
                        : " (supplier lot " + in.supplierLotNumber() + ", written " + lot.supplierLotNumber()
                                + " on this lot)";
        String now = lot.status() == LotStatus.RECALLED || lot.status() == LotStatus.REJECTED
                || lot.status() == LotStatus.QUARANTINE ? "" : ", now " + lot.status();
        return switch (concern(lot)) {
            case RECALLED -> {
                String recall = reasons.recallNumber(lot.id());
                yield lot.lotNumber() + under + " was RECALLED" + (recall == null ? "" : " (recall " + recall + ")")
                        + now;
            }
            case REJECTED -> lot.lotNumber() + under + " was REJECTED by QA" + quoted(reasons.rejection(lot.id())) + now;
            case HELD -> {
                String hold = reasons.hold(lot.id());
                boolean atReceipt = hold != null && hold.startsWith(HELD_AT_RECEIPT);
                yield lot.lotNumber() + under + " is held by QA in QUARANTINE" + (atReceipt ? " since its receipt" : "")
                        + ", its disposition not decided" + (atReceipt ? "" : quoted(hold));
            }
        };
    }

    /**
     * How the reason of a hold placed as a lot is received begins (the quarantine module's words): a delivery held at
     * receipt, for its product's incoming inspection or by this very rule. Such a sibling is named "held by QA in
     * QUARANTINE since its receipt", without its reason, which would repeat this sentence inside itself.
     */
    static final String HELD_AT_RECEIPT = "Received into quarantine: ";

    private static String quoted(String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        return " (" + (reason.length() > QUOTED ? reason.substring(0, QUOTED) + "..." : reason) + ")";
    }

    /**
     * The siblings of a received lot that keep its release from being carried out: the lots of {@code ofSupplierLotNumber}
     * {@link #checkedAgainst} the lot's own delivery (its supplier, supplier lot number, product and delivery
     * reference), other than the lot itself ({@code lotId}: a lot is never its own sibling), with a {@link #concern},
     * recalled first, then rejected, then held. A lot merely PENDING or RELEASED does not concern. The rule of a new
     * delivery's receipt into quarantine, applied again when the release of a lot received PENDING before its sibling
     * was recalled, rejected or held is signed or carried out (21 CFR 211.84(a), 211.87: a component's lot stays
     * held until QA approves it, and is re-examined when its fitness is in question).
     */
    public static List<Sibling> unfitSiblings(Delivery lot, long lotId, List<Sibling> ofSupplierLotNumber) {
        return checkedAgainst(lot, ofSupplierLotNumber).stream().filter(s -> s.id() != lotId && concern(s) != null)
                .sorted(Comparator.comparing(SupplierLotRules::concern)).toList();
    }

    /** "supplier lot AS-1 of Audit Supplies Ltd": the supplier lot a delivery is of. */
    public static String supplierLot(Delivery in) {
        return "supplier lot " + in.supplierLotNumber() + " of " + in.supplier();
    }

    /**
     * One sibling of {@link #unfitSiblings} in words, for a release: "lot RAWA-2025-001 was REJECTED by QA
     * (Contamination), now ARCHIVED", "lot X (supplier lot as-1 of Audit Supplies Limited) is held by QA in QUARANTINE,
     * its disposition not decided (...)", as {@link #sentence} names it.
     */
    public static String siblingWords(Delivery in, Sibling lot, Reasons reasons) {
        return "lot " + described(in, lot, reasons);
    }

    /** At most this many characters of {@link #releaseSentence}: it goes into a 409 and a hold's reason (2,000). */
    static final int MAX_RELEASE_SENTENCE = 1500;

    /**
     * "lot RAWB-2026-002 is of supplier lot AS-1 of Audit Supplies Ltd, of which lot RAWB-2026-001 was REJECTED by QA
     * (Contamination); and lot ... is held by QA in QUARANTINE, its disposition not decided" ({@code subject} "lot
     * RAWB-2026-002", or "it"): why a received lot's release is not carried out, its siblings' {@link #siblingWords}
     * in the order given, at most {@link #NAMED} named
     * (then "and N more"), fewer when their words are long; at most {@value #MAX_RELEASE_SENTENCE} characters. Null
     * when {@code siblingWords} is empty.
     */
    public static String releaseSentence(String subject, String supplierLot, List<String> siblingWords) {
        if (siblingWords.isEmpty()) {
            return null;
        }
        String head = subject + " is of " + supplierLot + ", of which ";
        List<String> named = new ArrayList<>(siblingWords.subList(0, Math.min(NAMED, siblingWords.size())));
        String sentence = head + String.join("; and ", named) + more(siblingWords.size() - named.size());
        while (sentence.length() > MAX_RELEASE_SENTENCE && named.size() > 1) {
            named.remove(named.size() - 1);
            sentence = head + String.join("; and ", named) + more(siblingWords.size() - named.size());
        }
        return sentence.length() > MAX_RELEASE_SENTENCE ? sentence.substring(0, MAX_RELEASE_SENTENCE - 3) + "..."
                : sentence;
    }

    /**
     * The 409 of a delivery received before: "; lot(s) X, Y of the supplier lot were REJECTED" and the like for the
     * lots of {@code checked} with a {@link #concern}, one group per concern ("" when none).
     */
    public static String concerns(List<Sibling> checked) {
        StringBuilder text = new StringBuilder();
        for (Concern concern : Concern.values()) {
            List<String> lots = checked.stream().filter(lot -> concern(lot) == concern).map(Sibling::lotNumber)
                    .toList();
            if (!lots.isEmpty()) {
                text.append("; lot(s) ").append(String.join(", ", lots)).append(" of the supplier lot ")
                        .append(switch (concern) {
                            case RECALLED -> "were RECALLED";
                            case REJECTED -> "were REJECTED";
                            case HELD -> "are held by QA (QUARANTINE)";
                        });
            }
        }
        return text.toString();
    }
}

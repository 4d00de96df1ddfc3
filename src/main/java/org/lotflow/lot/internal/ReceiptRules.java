package org.lotflow.lot.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.shared.InvalidInput;

/**
 * The rules a supplier's delivery ({@code POST /api/receipts}) must meet before any lot is created (the seed,
 * "Supplier receipts" and "What if I receive products with different expiration dates in the same
 * shipment?": "Separate by expiration - Create different lots for different dates ... Never mix different
 * expiration dates in the same lot"). A plain rule: no Spring, no database. Each refusal is an
 * {@link InvalidInput} (400) naming its field; the whole delivery is then refused and nothing is created.
 *
 * <ul>
 * <li>the receipt date is not in the future;</li>
 * <li>each line's manufacture date (optional) is not after the receipt date;</li>
 * <li>each line's expiration date is after the receipt date (an expired delivery is not received into
 * stock), so after its manufacture date, and after today;</li>
 * <li>the expiration date is at most {@link #MAX_SHELF_LIFE_MONTHS} after the receipt date, and the manufacture
 * date at most that before the expiration date: no shelf life is longer (auditor: a lot "made" 1900-01-01 was
 * received, and numbered by that year);</li>
 * <li>no two lines share an expiration date: one lot per expiration date, so a line per expiry (quantities of
 * one expiry are one line).</li>
 * </ul>
 */
public final class ReceiptRules {

    /** The longest shelf life a product may have (its {@code shelfLifeMonths}); a received lot's date keeps to it. */
    public static final int MAX_SHELF_LIFE_MONTHS = 600;

    private ReceiptRules() {
    }

    /** One line of a delivery: quantity with one expiration date; the manufacture date if the supplier gives one. */
    public record Line(LocalDate expirationDate, LocalDate manufactureDate) {
    }

    /**
     * Checks the delivery's dates as of {@code today} (the business date).
     *
     * @throws InvalidInput naming {@code receiptDate}, {@code lines[i].manufactureDate} or
     *         {@code lines[i].expirationDate}
     */
    public static void check(LocalDate receiptDate, List<Line> lines, LocalDate today) {
        if (receiptDate.isAfter(today)) {
            throw new InvalidInput("receiptDate", "must not be in the future (today is " + today
                    + "): a delivery is received when it arrives");
        }
        Map<LocalDate, Integer> byExpiry = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String field = "lines[" + i + "].";
            if (line.manufactureDate() != null && line.manufactureDate().isAfter(receiptDate)) {
                throw new InvalidInput(field + "manufactureDate", "must not be after the receipt date " + receiptDate);
            }
            if (!line.expirationDate().isAfter(receiptDate)) {
                throw new InvalidInput(field + "expirationDate", "must be after the receipt date " + receiptDate
                        + ": an expired delivery is not received into stock");
            }
            if (!line.expirationDate().isAfter(today)) {
                // received some days ago and entered only now: expired by now all the same (auditor 2026-12-06 G5)
                throw new InvalidInput(field + "expirationDate", "must be after today " + today + ": this stock has"
                        + " expired (" + line.expirationDate() + ") and is not received into stock; quarantine or"
                        + " return it to the supplier");
            }
            if (line.expirationDate().isAfter(receiptDate.plusMonths(MAX_SHELF_LIFE_MONTHS))) {
                // the lot's records are kept until its expiration plus its retention, and Camunda's history of its
                // processes 80 years: a date past 50 years would outlive that history (auditor 2026-12-06: 2150)
                throw new InvalidInput(field + "expirationDate", "is more than " + MAX_SHELF_LIFE_MONTHS / 12 + " years"
                        + " after the receipt date " + receiptDate + " (" + line.expirationDate() + "): no product"
                        + " lotflow keeps has a shelf life that long (at most " + MAX_SHELF_LIFE_MONTHS + " months);"
                        + " check the date on the supplier's label");
            }
            if (line.manufactureDate() != null
                    && line.manufactureDate().isBefore(line.expirationDate().minusMonths(MAX_SHELF_LIFE_MONTHS))) {
                // the same bound from the other end: 1900-01-01 with an expiry of 2025-01-29 was received, its lot
                // numbered AUDMT-1900-001 (auditor finding); a manufacture date after the expiry cannot pass, for it is
                // not after the receipt date and the expiry is
                throw new InvalidInput(field + "manufactureDate", "is more than " + MAX_SHELF_LIFE_MONTHS / 12
                        + " years before the expiration date " + line.expirationDate() + " (" + line.manufactureDate()
                        + "): no product lotflow keeps has a shelf life that long (at most " + MAX_SHELF_LIFE_MONTHS
                        + " months), and the lot number would carry the year " + line.manufactureDate().getYear()
                        + "; check the date on the supplier's label");
            }
            Integer same = byExpiry.putIfAbsent(line.expirationDate(), i);
            if (same != null) {
                // the other line by its ordinal, as people count lines: "lines[0]" (new user 2026-12-06 N12) and "line 1"
                // beside "lines[2]" (re-test R8) both misled
                throw new InvalidInput(field + "expirationDate", "is the same as the " + ordinal(same + 1)
                        + " line's (" + line.expirationDate() + "): each lot has one expiration date and"
                        + " each expiration date one lot, so send one line per expiration date with its whole"
                        + " quantity");
            }
        }
    }

    /**
     * Checks each line's manufacture date against the product's own shelf life: a line made {@code shelfLifeMonths}
     * twice over before its expiration date is refused (400 naming {@code lines[i].manufactureDate}). A supplier's
     * expiration date may run past lotflow's shelf life of the product (its own stability data), never to twice it: a
     * 24-month oil made 1977-01-10 and expiring 2027-01-10 is a slip of the year on one of the dates (new user
     * 2026-12-07 25b F1: received as BULK-1977-001), which would sit in the lot number, the FSMA 204 records and EPCIS.
     * No manufacture date given: the receipt date is the latest the goods can have been made, so the expiration date
     * may run at most twice the shelf life past it (400 naming {@code lines[i].expirationDate}; audit 29 F8: a 24-month
     * oil received with no manufacture date and "2070-01-01" as its expiry was taken, FEFO would have put it last for
     * 45 years and kept its records to 2075). Plain rule.
     *
     * @param sku              the product, for the sentence
     * @param shelfLifeMonths  the product's shelf life, months (more than 0)
     * @param receiptDate      the receipt's date (the manufacture date recorded when the supplier gives none)
     */
    public static void checkShelfLife(List<Line> lines, String sku, int shelfLifeMonths, LocalDate receiptDate) {
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            LocalDate made = line.manufactureDate();
            if (made == null && receiptDate != null && shelfLifeMonths > 0
                    && line.expirationDate().isAfter(receiptDate.plusMonths(2L * shelfLifeMonths))) {
                long apart = java.time.temporal.ChronoUnit.MONTHS.between(receiptDate, line.expirationDate());
                throw new InvalidInput("lines[" + i + "].expirationDate", line.expirationDate() + " is " + apart
                        + " months after the receipt date " + receiptDate + ", and " + sku + " keeps " + shelfLifeMonths
                        + " months: goods received that day expire at the latest " + receiptDate.plusMonths(
                                2L * shelfLifeMonths) + " (twice the shelf life); check the year on the supplier's"
                        + " label, or give the manufacture date it states");
            }
            if (made != null && shelfLifeMonths > 0
                    && line.expirationDate().isAfter(made.plusMonths(2L * shelfLifeMonths))) {
                long apart = java.time.temporal.ChronoUnit.MONTHS.between(made, line.expirationDate());
                throw new InvalidInput("lines[" + i + "].manufactureDate", made + " is " + apart + " months before"
                        + " the expiration date " + line.expirationDate() + ", and " + sku + " keeps "
                        + shelfLifeMonths + " months: a supplier's expiry may run past that, not to twice it; check"
                        + " both dates on the supplier's label (the year of one of them, most likely)");
            }
        }
    }

    /**
     * The manufacture date recorded for a line: the supplier's, or when the supplier gives none the receipt
     * date (every lot has a manufacture date, which orders lots of the same expiry in FEFO). The supplier's
     * expiration date is always the lot's: it is never computed from the shelf life.
     */
    public static LocalDate manufactureDate(Line line, LocalDate receiptDate) {
        return line.manufactureDate() != null ? line.manufactureDate() : receiptDate;
    }

    /** 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th, 21st. */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
                : switch (n % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
        return n + suffix;
    }
}

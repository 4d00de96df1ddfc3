package org.lotflow.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStatus;

/**
 * The allocation rules in one place: FEFO order (earliest expiration, then earliest manufacture,
 * then lot number), expiry on the expiration date, and the customer's minimum shelf life at the
 * ship date.
 */
public final class Fefo {

    /** First expired, first out; ties broken by manufacture date, then lot number. */
    public static final Comparator<Lot> ORDER = Comparator.comparing(Lot::getExpirationDate)
            .thenComparing(Lot::getManufactureDate).thenComparing(Lot::getLotNumber);

    private Fefo() {
    }

    /** Released, not expired today, and not expired by the ship date. Quantity is not looked at. */
    public static boolean releasable(Lot lot, LocalDate today, LocalDate shipDate) {
        return lot.getStatus() == LotStatus.RELEASED && !lot.isExpiredOn(today) && !lot.isExpiredOn(shipDate);
    }

    /** Remaining shelf life at the ship date is at least {@code minMonths} (no minimum: always true). */
    public static boolean meetsShelfLife(Lot lot, LocalDate shipDate, Integer minMonths) {
        return minMonths == null || !lot.getExpirationDate().isBefore(shipDate.plusMonths(minMonths));
    }

    /** Allocatable under the normal rules: releasable, shelf life met, stock available. */
    public static boolean eligible(Lot lot, LocalDate today, LocalDate shipDate, Integer minMonths) {
        return releasable(lot, today, shipDate) && meetsShelfLife(lot, shipDate, minMonths)
                && lot.getAvailable().signum() > 0;
    }

    /** Months from {@code from} to the expiration date, one decimal (22.2 = 22 months and a few days). */
    public static BigDecimal monthsRemaining(Lot lot, LocalDate from) {
        LocalDate expiry = lot.getExpirationDate();
        if (!expiry.isAfter(from)) {
            return BigDecimal.ZERO.setScale(1);
        }
        long months = ChronoUnit.MONTHS.between(from, expiry);
        LocalDate anchor = from.plusMonths(months);
        long days = ChronoUnit.DAYS.between(anchor, expiry);
        long monthLength = ChronoUnit.DAYS.between(anchor, anchor.plusMonths(1));
        return BigDecimal.valueOf(months).add(BigDecimal.valueOf(days)
                .divide(BigDecimal.valueOf(monthLength), 3, RoundingMode.HALF_UP)).setScale(1, RoundingMode.HALF_UP);
    }
}

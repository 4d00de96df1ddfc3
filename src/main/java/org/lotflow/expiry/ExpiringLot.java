package org.lotflow.expiry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One lot near (or past) its expiration date, with its stock: {@code daysRemaining} from today (0 or less
 * once expired), {@code monthsRemaining} with one decimal, quantities decimals in the product's
 * {@code unit}, from the lot module's rule ({@link org.lotflow.lot.LotQuantities}): {@code quantity =
 * available + allocated + shipped + consumed + disposed}, {@code onHand = available + allocated}.
 */
public record ExpiringLot(String lotNumber, String sku, String status, LocalDate expirationDate, long daysRemaining,
        BigDecimal monthsRemaining, BigDecimal quantity, BigDecimal available, BigDecimal allocated,
        BigDecimal shipped, BigDecimal consumed, BigDecimal disposed, BigDecimal onHand, String unit,
        String location) {

    /** The lot's line: its quantities as the rule gives them. */
    public static ExpiringLot of(String lotNumber, String sku, String status, LocalDate expirationDate,
            long daysRemaining, BigDecimal monthsRemaining, org.lotflow.lot.LotQuantities q, String unit,
            String location) {
        return new ExpiringLot(lotNumber, sku, status, expirationDate, daysRemaining, monthsRemaining, q.quantity(),
                q.available(), q.allocated(), q.shipped(), q.consumed(), q.disposed(), q.onHand(), unit, location);
    }
}

package org.lotflow.expiry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One lot near (or past) its expiration date, with its stock: {@code daysRemaining} from today (0 or less
 * once expired), {@code monthsRemaining} with one decimal, quantities in the product's {@code unit}.
 */
public record ExpiringLot(String lotNumber, String sku, String status, LocalDate expirationDate, long daysRemaining,
        BigDecimal monthsRemaining, BigDecimal quantity, BigDecimal available, BigDecimal allocated, String unit,
        String location) {
}

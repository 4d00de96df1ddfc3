/**
 * Expiry monitoring: the daily {@code expiryMonitoring} run marks lots whose expiration date has come
 * EXPIRED and asks sales and QA to review the lots about to expire. API: {@link org.lotflow.expiry.ExpiryQueries}
 * (the alert list, read by reports) and {@link org.lotflow.expiry.ExpiringLot}.
 */
package org.lotflow.expiry;

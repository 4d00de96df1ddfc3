package org.lotflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * An order cancelled while its override waits: withdrawn when nobody has decided it, and the signed decision kept when a
 * QA manager signed it just before (re-test 2026-12-06 F3: the order said WITHDRAWN, undecided, beside the signed
 * OVERRIDE_APPROVED in the lot's audit trail). A plain rule of the entity, without Spring.
 */
class SalesOrderCancelTest {

    private static SalesOrder pending() {
        SalesOrder order = new SalesOrder("SO-1", "Acme", 1L, BigDecimal.TEN, null, null, "L-1",
                Instant.parse("2025-01-28T09:00:00Z"), "tom");
        order.requestOverride("Requested lot L-1: FEFO broken");
        return order;
    }

    @Test
    void anUndecidedOverrideIsWithdrawn() {
        SalesOrder order = pending();
        order.cancel(Instant.parse("2025-01-28T10:00:00Z"), "tom");
        assertThat(order.getOverrideStatus()).isEqualTo("WITHDRAWN");
        assertThat(order.getOverrideDecidedBy()).isNull();
    }

    @Test
    void aSignedDecisionNotYetCarriedOutStandsInTheRecord() {
        SalesOrder order = pending();
        order.signOverrideDecision(true, "jennifer", "Customer qualified the lot", Instant.parse("2025-01-28T09:59:59Z"),
                "Requested lot A: FEFO broken");
        order.cancel(Instant.parse("2025-01-28T10:00:00Z"), "tom");
        assertThat(order.isCancelled()).isTrue();
        assertThat(order.getOverrideStatus()).isEqualTo("APPROVED");
        assertThat(order.getOverrideDecidedBy()).isEqualTo("jennifer");
        assertThat(order.getOverrideComment()).isEqualTo("Customer qualified the lot");
        assertThat(order.isOverridePending()).isFalse();
    }
}

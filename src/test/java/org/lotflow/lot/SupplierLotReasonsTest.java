package org.lotflow.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;

/**
 * Re-test 27 R5 without Spring: the rejection a receipt's hold and a release's refusal quote is the reason QA signed
 * (a refused release's comment, an OOS REJECT decision's, a REJECT disposition's justification), not the change of
 * status ("Release refused by Jennifer Lee").
 */
class SupplierLotReasonsTest {

    private static LotHistory.Entry entry(String type, String newStatus, String reason, Map<String, Object> detail) {
        return new LotHistory.Entry(Instant.parse("2025-01-28T10:00:00Z"), type, "jennifer", "Jennifer Lee", null,
                newStatus, reason, detail);
    }

    private static String rejection(LotHistory.Entry... entries) {
        LotHistory history = mock(LotHistory.class);
        when(history.of(7L)).thenReturn(List.of(entries));
        when(history.of(7L, LotEventTypes.STATUS_CHANGED)).thenReturn(List.of(entries).stream()
                .filter(e -> LotEventTypes.STATUS_CHANGED.equals(e.type())).toList());
        return new SupplierLotReasons(history).rejection(7L);
    }

    private static final LotHistory.Entry REFUSED_STATUS = entry(LotEventTypes.STATUS_CHANGED, "REJECTED",
            "Release refused by Jennifer Lee", Map.of());

    @Test
    void aRefusedReleaseIsQuotedInTheApproversComment() {
        assertThat(rejection(entry(LotEventTypes.RELEASE_REFUSED, null,
                "Supplier COA shows water content 0.2%; contamination suspected", Map.of("approved", false)),
                REFUSED_STATUS)).isEqualTo("Supplier COA shows water content 0.2%; contamination suspected");
    }

    @Test
    void anOosRejectionAndARejectDispositionAreQuotedInTheirSignedWordsAReleaseIsNot() {
        assertThat(rejection(entry(LotEventTypes.OOS_DECISION_SIGNED, null, "Confirmed OOS: viscosity 310",
                Map.of("decision", "REJECT", "round", 1)), REFUSED_STATUS)).isEqualTo("Confirmed OOS: viscosity 310");
        assertThat(rejection(
                entry("DISPOSITION_SIGNED", null, "Released after the first hold", Map.of("decision", "RELEASE")),
                entry("DISPOSITION_SIGNED", null, "Metal particles confirmed", Map.of("decision", "REJECT")),
                entry(LotEventTypes.STATUS_CHANGED, "REJECTED", "Quarantine disposition: reject", Map.of())))
                .isEqualTo("Metal particles confirmed");
        assertThat(rejection(
                entry(LotEventTypes.OOS_DECISION_SIGNED, null, "Within limits on retest", Map.of("decision", "RELEASE")),
                entry("DISPOSITION_SIGNED", null, "Customer complaint unfounded", Map.of("decision", "RELEASE"))))
                .as("a signed release is no rejection").isNull();
    }

    @Test
    void withoutASignedRejectionTheChangeOfStatusIsQuoted() {
        assertThat(rejection(REFUSED_STATUS)).isEqualTo("Release refused by Jennifer Lee");
    }
}

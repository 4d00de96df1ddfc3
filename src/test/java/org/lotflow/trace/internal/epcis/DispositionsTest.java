package org.lotflow.trace.internal.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotStatus;

/**
 * Every lotflow status has its CBV 2.0 disposition, one of the schema's own words; a lot's receiving or making has
 * {@code in_progress}, the disposition of the status every lot starts in.
 */
class DispositionsTest {

    /** The CBV 2.0 dispositions of GS1's EPCIS 2.0 JSON Schema ({@code definitions.disposition}). */
    static final Set<String> CBV = Set.of("active", "container_closed", "damaged", "destroyed", "dispensed",
            "disposed", "encoded", "expired", "in_progress", "in_transit", "inactive", "no_pedigree_match",
            "non_sellable_other", "partially_dispensed", "recalled", "reserved", "retail_sold", "returned",
            "sellable_accessible", "sellable_not_accessible", "stolen", "unknown", "available",
            "completeness_verified", "completeness_inferred", "conformant", "container_open", "mismatch_instance",
            "mismatch_class", "mismatch_quantity", "needs_replacement", "non_conformant", "unavailable");

    @Test
    void everyStatusHasItsDisposition() {
        Map<LotStatus, String> expected = new EnumMap<>(LotStatus.class);
        expected.put(LotStatus.PENDING, "in_progress");
        expected.put(LotStatus.RELEASED, "active");
        expected.put(LotStatus.QUARANTINE, "non_sellable_other");
        expected.put(LotStatus.REJECTED, "non_conformant");
        expected.put(LotStatus.EXPIRED, "expired");
        expected.put(LotStatus.RECALLED, "recalled");
        expected.put(LotStatus.DEPLETED, "unavailable");
        expected.put(LotStatus.ARCHIVED, "inactive");
        assertThat(expected.keySet()).as("every status is listed here").containsExactlyInAnyOrder(LotStatus.values());
        for (LotStatus status : LotStatus.values()) {
            assertThat(Dispositions.of(status)).as(status.name()).isEqualTo(expected.get(status)).isIn(CBV);
        }
        assertThat(Dispositions.SHIPPED).isIn(CBV);
        assertThat(Dispositions.AT_CREATION).as("a lot just received or made, awaiting its release")
                .isEqualTo("in_progress").isEqualTo(Dispositions.of(LotStatus.PENDING)).isIn(CBV);
    }
}

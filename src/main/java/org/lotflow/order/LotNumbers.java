package org.lotflow.order;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStock;

/** Lot numbers by lot id, asked of the lot module (the order module keeps only lot ids). */
final class LotNumbers {

    private LotNumbers() {
    }

    static Map<Long, String> of(LotStock lots, Collection<Long> lotIds) {
        return lotIds.isEmpty() ? Map.of()
                : lots.findAllById(java.util.Set.copyOf(lotIds)).stream()
                        .collect(Collectors.toMap(Lot::getId, Lot::getLotNumber));
    }
}

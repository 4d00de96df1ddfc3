package org.lotflow.lot.internal;

import java.util.Optional;

import org.lotflow.history.LotNumbers;
import org.lotflow.lot.Lot;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link LotNumbers} from the lot table. */
@Component
class LotNumbersFromLots implements LotNumbers {

    private final LotRepository lots;

    LotNumbersFromLots(LotRepository lots) {
        this.lots = lots;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> lotNumberOf(long lotId) {
        return lots.findById(lotId).map(Lot::getLotNumber);
    }
}

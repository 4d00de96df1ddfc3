package org.lotflow.product;

import org.lotflow.support.ApiTest;

/** {@link LotNumberingRace} on H2. */
@ApiTest
class LotNumberingRaceTest extends LotNumberingRace {
}

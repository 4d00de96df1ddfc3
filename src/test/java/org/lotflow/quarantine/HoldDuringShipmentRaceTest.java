package org.lotflow.quarantine;

import org.lotflow.support.ApiTest;

/** {@link HoldDuringShipmentRace} on H2. */
@ApiTest
class HoldDuringShipmentRaceTest extends HoldDuringShipmentRace {
}

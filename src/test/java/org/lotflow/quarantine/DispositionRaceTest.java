package org.lotflow.quarantine;

import org.lotflow.support.ApiTest;

/** {@link DispositionRace} on H2. */
@ApiTest
class DispositionRaceTest extends DispositionRace {
}

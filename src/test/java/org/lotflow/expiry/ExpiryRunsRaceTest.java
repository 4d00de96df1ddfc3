package org.lotflow.expiry;

import org.lotflow.support.ApiTest;

/** {@link ExpiryRunsRace} on H2. */
@ApiTest
class ExpiryRunsRaceTest extends ExpiryRunsRace {
}

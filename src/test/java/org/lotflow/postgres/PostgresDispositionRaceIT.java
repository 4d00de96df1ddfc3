package org.lotflow.postgres;

import org.lotflow.quarantine.DispositionRace;
import org.lotflow.support.PostgresApiTest;

/** {@link DispositionRace} on PostgreSQL. */
@PostgresApiTest
class PostgresDispositionRaceIT extends DispositionRace {
}

package org.lotflow.postgres;

import org.lotflow.quarantine.HoldDuringShipmentRace;
import org.lotflow.support.PostgresApiTest;

/** {@link HoldDuringShipmentRace} on PostgreSQL. */
@PostgresApiTest
class PostgresHoldDuringShipmentIT extends HoldDuringShipmentRace {
}

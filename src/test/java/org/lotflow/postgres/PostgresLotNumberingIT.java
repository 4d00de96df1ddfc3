package org.lotflow.postgres;

import org.lotflow.product.LotNumberingRace;
import org.lotflow.support.PostgresApiTest;

/** {@link LotNumberingRace} on PostgreSQL with its pool of 20 connections. */
@PostgresApiTest
class PostgresLotNumberingIT extends LotNumberingRace {
}

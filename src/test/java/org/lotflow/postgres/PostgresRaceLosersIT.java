package org.lotflow.postgres;

import org.lotflow.release.RaceLosers;
import org.lotflow.support.PostgresApiTest;

/** {@link RaceLosers} on PostgreSQL. */
@PostgresApiTest
class PostgresRaceLosersIT extends RaceLosers {
}

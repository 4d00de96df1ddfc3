package org.lotflow.postgres;

import org.lotflow.expiry.ExpiryRunsRace;
import org.lotflow.support.PostgresApiTest;

/** {@link ExpiryRunsRace} on PostgreSQL. */
@PostgresApiTest
class PostgresExpiryRunsIT extends ExpiryRunsRace {
}

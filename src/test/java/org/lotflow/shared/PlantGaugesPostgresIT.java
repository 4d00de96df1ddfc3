package org.lotflow.shared;

import org.lotflow.support.PostgresApiTest;

/** {@link PlantGaugesScenarios} on PostgreSQL: the figures' SQL and timestamps there. */
@PostgresApiTest
class PlantGaugesPostgresIT extends PlantGaugesScenarios {
}

package org.lotflow.postgres;

import org.lotflow.drill.MockRecallDrills;
import org.lotflow.support.PostgresApiTest;

/** {@link MockRecallDrills} on PostgreSQL: eight drills started at once, one sequence; a whole drill on its SQL. */
@PostgresApiTest
class PostgresMockRecallIT extends MockRecallDrills {
}

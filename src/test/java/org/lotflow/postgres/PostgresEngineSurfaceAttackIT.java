package org.lotflow.postgres;

import org.lotflow.security.EngineSurfaceAttacks;
import org.lotflow.support.PostgresApiTest;

/** {@link EngineSurfaceAttacks} on PostgreSQL. */
@PostgresApiTest
class PostgresEngineSurfaceAttackIT extends EngineSurfaceAttacks {
}

package org.lotflow.security;

import org.lotflow.support.ApiTest;

/** {@link EngineSurfaceAttacks} on the embedded H2 database. */
@ApiTest
class EngineSurfaceAttackTest extends EngineSurfaceAttacks {
}

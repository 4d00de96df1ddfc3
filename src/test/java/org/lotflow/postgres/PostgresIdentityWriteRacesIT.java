package org.lotflow.postgres;

import org.lotflow.security.IdentityWriteRaces;
import org.lotflow.support.PostgresApiTest;

/** {@link IdentityWriteRaces} on PostgreSQL, where the two writes truly run side by side. */
@PostgresApiTest
class PostgresIdentityWriteRacesIT extends IdentityWriteRaces {
}

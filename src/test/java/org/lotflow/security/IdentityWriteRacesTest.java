package org.lotflow.security;

import org.lotflow.support.ApiTest;

/** {@link IdentityWriteRaces} on H2. */
@ApiTest
class IdentityWriteRacesTest extends IdentityWriteRaces {
}

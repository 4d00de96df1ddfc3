package org.lotflow.release;

import org.lotflow.support.ApiTest;

/** {@link RaceLosers} on H2. */
@ApiTest
class RaceLosersTest extends RaceLosers {
}

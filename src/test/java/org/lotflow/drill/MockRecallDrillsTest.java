package org.lotflow.drill;

import org.lotflow.support.ApiTest;

/** {@link MockRecallDrills} on H2. */
@ApiTest
class MockRecallDrillsTest extends MockRecallDrills {
}

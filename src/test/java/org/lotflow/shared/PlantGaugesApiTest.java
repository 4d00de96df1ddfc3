package org.lotflow.shared;

import org.lotflow.support.ApiTest;

/** {@link PlantGaugesScenarios} on the embedded H2 database. */
@ApiTest
class PlantGaugesApiTest extends PlantGaugesScenarios {
}

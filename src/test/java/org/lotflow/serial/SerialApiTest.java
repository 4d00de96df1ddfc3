package org.lotflow.serial;

import org.lotflow.support.ApiTest;

/** {@link SerialScenarios} on the embedded H2 database. */
@ApiTest
class SerialApiTest extends SerialScenarios {
}

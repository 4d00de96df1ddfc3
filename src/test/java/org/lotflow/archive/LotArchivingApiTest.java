package org.lotflow.archive;

import org.lotflow.support.ApiTest;

/** {@link ArchivingScenarios} on H2. */
@ApiTest
class LotArchivingApiTest extends ArchivingScenarios {
}

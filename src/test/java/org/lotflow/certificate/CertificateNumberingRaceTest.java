package org.lotflow.certificate;

import org.lotflow.support.ApiTest;

/** {@link CertificateNumberingRace} on H2. */
@ApiTest
class CertificateNumberingRaceTest extends CertificateNumberingRace {
}

package org.lotflow.postgres;

import org.lotflow.certificate.CertificateNumberingRace;
import org.lotflow.support.PostgresApiTest;

/** {@link CertificateNumberingRace} on PostgreSQL: twelve releasing transactions at once, one certificate sequence. */
@PostgresApiTest
class PostgresCertificateNumberingIT extends CertificateNumberingRace {
}

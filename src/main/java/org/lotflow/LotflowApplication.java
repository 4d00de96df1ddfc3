package org.lotflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * lotflow: lot and batch tracking on Camunda 7.
 *
 * <p>Packages are features (Spring Modulith modules): {@code product} defines what is made,
 * {@code lot} holds the lot registry and its status machine, {@code history} the immutable
 * audit trail, {@code release} the lab-release process. {@code security} wires Camunda's
 * identity service into every entry point; {@code shared} holds the clock and error handling.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LotflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(LotflowApplication.class, args);
    }
}

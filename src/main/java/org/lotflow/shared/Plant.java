package org.lotflow.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The plant lotflow runs for: its name and address ({@code lotflow.plant.name}, {@code lotflow.plant.address}).
 * FSMA 204's location description (21 CFR 1.1310: business name and physical address) of the place where
 * lotflow's lot numbers are assigned (the traceability lot code source), where lots are received, made and
 * shipped from.
 *
 * <p>Its GS1 keys, both optional, for EPCIS 2.0 documents: {@code lotflow.plant.gln}, the plant's Global Location
 * Number (13 digits with its GS1 check digit), and {@code lotflow.plant.company-prefix}, the GS1 company prefix
 * it belongs to (6 to 12 digits; the GLN must start with it). With both, EPCIS names the plant
 * {@code urn:epc:id:sgln:{prefix}.{location reference}.0} (location) and {@code urn:epc:id:pgln:...} (party);
 * with the GLN alone, by its GS1 Digital Link ({@code https://id.gs1.org/414/{gln}}, {@code /417/{gln}}).
 * A value that breaks these rules stops the start with a message naming the property ({@link IllegalStateException}).
 */
@Component
public class Plant {

    private final String name;
    private final String address;
    private final String gln;
    private final String companyPrefix;

    public Plant(@Value("${lotflow.plant.name:lotflow demo plant}") String name,
            @Value("${lotflow.plant.address:}") String address, @Value("${lotflow.plant.gln:}") String gln,
            @Value("${lotflow.plant.company-prefix:}") String companyPrefix) {
        this.name = name == null ? "" : name.trim();
        this.address = address == null ? "" : address.trim();
        this.gln = gln == null || gln.isBlank() ? null : gln.trim();
        this.companyPrefix = companyPrefix == null || companyPrefix.isBlank() ? null : companyPrefix.trim();
        if (this.gln != null) {
            String problem = Gs1Keys.glnProblem(this.gln);
            if (problem != null) {
                throw new IllegalStateException("lotflow.plant.gln: " + problem);
            }
        }
        if (this.companyPrefix != null) {
            if (!this.companyPrefix.matches("\\d{6,12}")) {
                throw new IllegalStateException("lotflow.plant.company-prefix: '" + this.companyPrefix
                        + "' is not a GS1 company prefix of 6 to 12 digits");
            }
            if (this.gln != null && !this.gln.startsWith(this.companyPrefix)) {
                throw new IllegalStateException("lotflow.plant.gln: " + this.gln + " does not start with the company "
                        + "prefix " + this.companyPrefix + " (lotflow.plant.company-prefix); a GLN is made from its "
                        + "company prefix");
            }
        }
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    /** The plant's GLN (13 digits, check digit valid), or null when none is configured. */
    public String gln() {
        return gln;
    }

    /** The plant's GS1 company prefix, or null when none is configured. */
    public String companyPrefix() {
        return companyPrefix;
    }

    /** The location description: {@code name, address} (the name alone when no address is configured). */
    public String description() {
        return address.isEmpty() ? name : name + ", " + address;
    }
}

package org.lotflow.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The plant lotflow runs for: its name and address ({@code lotflow.plant.name}, {@code lotflow.plant.address}).
 * FSMA 204's location description (21 CFR 1.1310: business name and physical address) of the place where
 * lotflow's lot numbers are assigned (the traceability lot code source), where lots are received, made and
 * shipped from.
 */
@Component
public class Plant {

    private final String name;
    private final String address;

    public Plant(@Value("${lotflow.plant.name:lotflow demo plant}") String name,
            @Value("${lotflow.plant.address:}") String address) {
        this.name = name == null ? "" : name.trim();
        this.address = address == null ? "" : address.trim();
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    /** The location description: {@code name, address} (the name alone when no address is configured). */
    public String description() {
        return address.isEmpty() ? name : name + ", " + address;
    }
}

package org.lotflow.demo;

import java.math.BigDecimal;
import java.util.List;

import org.lotflow.product.ProductService.SpecInput;
import org.lotflow.release.Measurement;

/** The IL-250 specification and a passing analysis, from the seed's lab report. */
final class IlSpec {

    static final List<SpecInput> SPEC = List.of(
            spec("viscosity40C", "cSt", "245", "255"),
            spec("viscosity100C", "cSt", "17", "19"),
            spec("viscosityIndex", null, "100", null),
            spec("flashPoint", "°C", "220", null),
            spec("pourPoint", "°C", null, "-15"),
            spec("acidNumber", "mg KOH/g", null, "0.1"),
            spec("baseNumber", "mg KOH/g", "7.5", "8.5"),
            spec("waterContent", "%", null, "0.05"),
            spec("contamination", "%", null, "0.01"),
            spec("oxidationStability", "h", "180", null));

    static final List<Measurement> PASSING = List.of(
            m("viscosity40C", "248"), m("viscosity100C", "18.2"), m("viscosityIndex", "105"),
            m("flashPoint", "225"), m("pourPoint", "-18"), m("acidNumber", "0.05"), m("baseNumber", "8.2"),
            m("waterContent", "0.02"), m("contamination", "0.005"), m("oxidationStability", "195"));

    private IlSpec() {
    }

    private static SpecInput spec(String test, String unit, String min, String max) {
        return new SpecInput(test, unit, min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max));
    }

    private static Measurement m(String test, String value) {
        return new Measurement(test, new BigDecimal(value));
    }
}

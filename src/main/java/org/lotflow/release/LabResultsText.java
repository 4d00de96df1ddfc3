package org.lotflow.release;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.lotflow.product.SpecLimit;

/**
 * The lab-results field of the Tasklist form: one line per test, {@code test = value}. Blank
 * lines and lines with no value are skipped (the test then counts as not measured).
 */
final class LabResultsText {

    private LabResultsText() {
    }

    static String template(List<SpecLimit> specs) {
        StringBuilder sb = new StringBuilder();
        for (SpecLimit s : specs) {
            sb.append(s.getTest()).append(" = \n");
        }
        return sb.toString();
    }

    static List<ReleaseService.Measurement> parse(String text) {
        List<ReleaseService.Measurement> out = new ArrayList<>();
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new BadUserRequestException("Line " + (i + 1) + " '" + line + "' is not 'test = value'");
            }
            String test = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (value.isEmpty()) {
                continue;
            }
            try {
                out.add(new ReleaseService.Measurement(test, new BigDecimal(value.replace(',', '.'))));
            } catch (NumberFormatException e) {
                throw new BadUserRequestException("Line " + (i + 1) + ": '" + value + "' is not a number");
            }
        }
        return out;
    }
}

package org.lotflow.recall;

import org.lotflow.shared.InvalidInput;

import java.util.Arrays;
import java.util.Locale;

/** FDA recall classes (21 CFR 7.3(m)): I = serious health hazard, II = remote, III = unlikely. */
public enum Classification {
    CLASS_I, CLASS_II, CLASS_III;

    /**
     * The class named by {@code text} (any case, blanks around ignored); {@link InvalidInput} (400
     * naming {@code field}) for none or another.
     */
    public static Classification parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "must be one of " + Arrays.toString(values()));
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "'" + text + "' is not one of " + Arrays.toString(values()));
        }
    }
}

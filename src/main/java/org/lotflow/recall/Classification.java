package org.lotflow.recall;

import org.lotflow.shared.InvalidInput;

import java.util.Arrays;
import java.util.Locale;

/** FDA recall classes (21 CFR 7.3(m)): I = serious health hazard, II = remote, III = unlikely. */
public enum Classification {
    CLASS_I, CLASS_II, CLASS_III;

    /**
     * A class as the plant's people read it: CLASS_II is "Class II" (FDA's words, 21 CFR 7.3(m)); the API and the
     * records keep the code. Another text as it is, "" for none.
     */
    public static String inWords(Object code) {
        if (code == null) {
            return "";
        }
        String text = code.toString();
        return text.matches("CLASS_I{1,3}") ? "Class " + text.substring("CLASS_".length()) : text;
    }

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

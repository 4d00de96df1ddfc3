package org.lotflow.shared;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers in query parameters and Console form fields ({@code size}, {@code days}, {@code shelfLifeMonths},
 * {@code retentionYears}, {@code minShelfLifeMonths}, a chart's {@code width}) are read as a person wrote them: an
 * optional sign and the digits 0-9, nothing else. Spring's default editor reads {@code 0x18} and {@code #18} as
 * hexadecimal (24) and every script's digits ({@code ١٨} as 18), so a product's shelf life, which is never changed
 * once defined, or a customer's shelf-life minimum was kept as another number than the one typed, without a word
 * (auditor 2026-12-07 F1, F2; ALCOA: accurate, 21 CFR 11.10(a)). Anything else is the usual 400 naming the field
 * ("'0x18' is not a whole number: write it in digits, e.g. 90", {@link ProblemHandler}); the Console shows it at its
 * field. An empty value is absent (the default applies). JSON bodies are Jackson's, which reads no such forms.
 *
 * <p>A binder's own editor, because a conversion service's refusal is not final: Spring falls back to its default
 * number editor when the conversion service refuses a value.
 */
@ControllerAdvice
public class WholeNumberParameters {

    /** The text as a whole number written with the digits 0-9 (null when empty), or {@link IllegalArgumentException}. */
    static <T> T read(String text, Function<String, T> parse) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!org.lotflow.shared.input.WholeNumbers.written(text)) {
            throw new IllegalArgumentException(org.lotflow.shared.input.WholeNumbers.why(text));
        }
        return parse.apply(text.strip()); // NumberFormatException (an IllegalArgumentException) beyond the type's range
    }

    @InitBinder
    void wholeNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, editor(Integer::valueOf));
        binder.registerCustomEditor(int.class, editor(Integer::valueOf));
        binder.registerCustomEditor(Long.class, editor(Long::valueOf));
        binder.registerCustomEditor(long.class, editor(Long::valueOf));
    }

    private static <T> PropertyEditorSupport editor(Function<String, T> parse) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(read(text, parse));
            }
        };
    }
}

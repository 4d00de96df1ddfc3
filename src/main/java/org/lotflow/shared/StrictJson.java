package org.lotflow.shared;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON read as it was sent, both ways: {@code spring.jackson.mapper.allow-coercion-of-scalars: false} already
 * refuses text where a number belongs ({@code "quantity": "5"}); this refuses a number or a Boolean where text
 * belongs ({@code "sku": 100}, {@code "serials": [7]}), which Jackson would otherwise turn into {@code "100"}
 * silently (audit finding, 2026-12-04 evening). The answer is the usual 400 problem+json naming the field ("has
 * the wrong type, expected String", {@link ProblemHandler}).
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noScalarsAsText() {
        // a field given twice ({"sku":"A","sku":"B"}) is refused, not read as its last value: which one the sender
        // meant is not for lotflow to guess (400 naming the field, ProblemHandler)
        return builder -> builder.featuresToEnable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // text of blanks only (" ") where a number, a Boolean or a date belongs is refused as "" is, not read as
                // left out: a blank cell of a script would drop a specification's limit or a customer's minimum shelf
                // life without a word (auditor 2026-12-07 F1)
                .postConfigurer(mapper -> mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false))
                // a business date is a date: "2025-01-27T23:59:00" or "...T00:00:00Z" is refused, not read as its date
                // part (Jackson's lenient default dropped the time and the zone without a word, so an instant meant in
                // UTC could be a day off the plant's date; auditor 2026-12-06 C-g)
                .postConfigurer(mapper -> mapper.configOverride(java.time.LocalDate.class)
                        .setFormat(com.fasterxml.jackson.annotation.JsonFormat.Value.forLeniency(false)));
    }

    /**
     * The API speaks JSON only (contract): the YAML writer Spring registers when a YAML library is on the class path
     * (springdoc brings one) answered {@code Accept: application/yaml} with dates as arrays and every null written
     * (re-test 2026-12-06 R3). Without it such a request is 406 problem+json, as any other unknown format.
     */
    @Bean
    org.springframework.web.servlet.config.annotation.WebMvcConfigurer noYamlAnswers() {
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(
                    java.util.List<org.springframework.http.converter.HttpMessageConverter<?>> converters) {
                converters.removeIf(c -> c.getSupportedMediaTypes().stream().anyMatch(t -> "yaml".equals(t.getSubtype())
                        || t.getSubtype().endsWith("+yaml")));
            }
        };
    }

    /** Why a text with a NUL character is refused, in every refusal that names its field: {@value}. */
    public static final String NUL_REFUSED = "must not contain a NUL character";

    /**
     * Why a text with a direction-changing control character is refused: {@value}. An override or isolate (U+202A to
     * U+202E, U+2066 to U+2069) makes every screen, PDF and spreadsheet show another text than the one stored and
     * signed (a right-to-left override before "DEYORTSED TON" shows "NOT DESTROYED"; auditor 2026-12-06 C-o, the
     * "Trojan Source" trick); right-to-left writing needs none of them (the marks U+200E and U+200F stay allowed).
     */
    public static final String BIDI_REFUSED = "must not contain a direction-changing control character (U+202A to"
            + " U+202E, U+2066 to U+2069): what screens and reports show would differ from the text stored";

    /** Whether {@code text} holds a direction override or isolate ({@link #BIDI_REFUSED}). */
    public static boolean hasBidiControl(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a text no record may keep is refused, or null: a NUL ({@link #NUL_REFUSED}, with its code point) or a
     * direction override or isolate ({@link #BIDI_REFUSED}). The one check of the engine's bodies and Tasklist's forms.
     */
    public static String hiddenTextRefusal(String text) {
        return hasNul(text) ? NUL_REFUSED + " (U+0000)" : hasBidiControl(text) ? BIDI_REFUSED : null;
    }

    /** Whether {@code text} holds a NUL character, which no record may hold (see {@link #noNulInText}). */
    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /**
     * A NUL character ({@code \u0000}) is no part of any text a plant records: PostgreSQL cannot store it in a text
     * column (the request would end in a 500) and Tasklist's forms already refuse it. Refused in every JSON string
     * of a request body, as 400 naming the field ("must not contain a NUL character").
     */
    @Bean
    com.fasterxml.jackson.databind.Module noNulInText() { // Spring Boot registers every Module bean with its mapper
        com.fasterxml.jackson.databind.module.SimpleModule module = new com.fasterxml.jackson.databind.module.SimpleModule("lotflow-no-nul");
        module.addDeserializer(String.class, new NulRefusingStrings());
        // a business date is written as text, yyyy-MM-dd: Jackson's date reading also took an array ([2025,1,27]), a
        // form no user writes and every refusal named in java.time's words (re-test 2026-12-06 E4)
        module.setDeserializerModifier(new com.fasterxml.jackson.databind.deser.BeanDeserializerModifier() {
            @Override
            public com.fasterxml.jackson.databind.JsonDeserializer<?> modifyDeserializer(
                    com.fasterxml.jackson.databind.DeserializationConfig config,
                    com.fasterxml.jackson.databind.BeanDescription description,
                    com.fasterxml.jackson.databind.JsonDeserializer<?> deserializer) {
                return description.getBeanClass() == java.time.LocalDate.class ? new DatesAsText(deserializer)
                        : deserializer;
            }
        });
        return module;
    }

    /**
     * A {@link java.time.LocalDate} read from text of the form yyyy-MM-dd only (then as Jackson reads it); any other
     * token or form is refused.
     */
    static final class DatesAsText extends com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer {

        DatesAsText(com.fasterxml.jackson.databind.JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected com.fasterxml.jackson.databind.JsonDeserializer<?> newDelegatingInstance(
                com.fasterxml.jackson.databind.JsonDeserializer<?> delegate) {
            return new DatesAsText(delegate);
        }

        @Override
        public Object deserialize(com.fasterxml.jackson.core.JsonParser p,
                com.fasterxml.jackson.databind.DeserializationContext ctxt) throws java.io.IOException {
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(java.time.LocalDate.class, p);
            }
            // exactly yyyy-MM-dd: java.time also reads an expanded year ("+002025-01-27"), a form no refusal names
            // (auditor 2026-12-06 X7)
            if (!p.getText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                return ctxt.handleWeirdStringValue(java.time.LocalDate.class, p.getText(), "not yyyy-MM-dd");
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** Jackson's own String reading, then the NUL check. */
    static final class NulRefusingStrings extends com.fasterxml.jackson.databind.deser.std.StringDeserializer {

        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser p,
                com.fasterxml.jackson.databind.DeserializationContext ctxt) throws java.io.IOException {
            String text = super.deserialize(p, ctxt);
            if (hasNul(text)) {
                throw com.fasterxml.jackson.databind.JsonMappingException.from(p, NUL_REFUSED);
            }
            if (hasBidiControl(text)) {
                throw com.fasterxml.jackson.databind.JsonMappingException.from(p, BIDI_REFUSED);
            }
            return text;
        }
    }
}

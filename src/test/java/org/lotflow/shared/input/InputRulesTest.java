package org.lotflow.shared.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The input vocabulary on its own: what is a quantity, a measured value, a business date, an identifier. */
class InputRulesTest {

    @Test
    void quantities() {
        assertThat(InputRules.quantity(new BigDecimal("1.005"), false)).isNull();
        assertThat(InputRules.quantity(new BigDecimal("1.0050"), false)).as("trailing zeros are no precision").isNull();
        assertThat(InputRules.quantity(new BigDecimal("1.0005"), false)).contains("at most 3 decimal places")
                .contains("never rounded");
        assertThat(InputRules.quantity(new BigDecimal("0.0004"), false)).contains("at most 3 decimal places");
        assertThat(InputRules.quantity(BigDecimal.ZERO, false)).contains("greater than 0");
        assertThat(InputRules.quantity(BigDecimal.ZERO, true)).isNull();
        assertThat(InputRules.quantity(new BigDecimal("-1"), true)).contains("0 or more");
        assertThat(InputRules.quantity(new BigDecimal("1E13"), false)).contains("at most 1000000000");
        assertThat(InputRules.quantity(null, false)).isNull();
    }

    /** A line of free text (a lab observation): visible, one line; scripts may mix (auditor 2026-12-06 F8). */
    @Test
    void lines() {
        assertThat(InputRules.line("particles < 5 \u03bcm")).isNull();
        assertThat(InputRules.name("particles < 5 \u03bcm")).contains("mixes Latin and Greek");
        assertThat(InputRules.line("clear\namber")).contains("one line of visible text").contains("character 6");
        assertThat(InputRules.line("clear\u202eamber")).contains("one line of visible text");
        assertThat(InputRules.line(null)).isNull();
    }

    @Test
    void measuredValues() {
        assertThat(InputRules.measuredValue(new BigDecimal("102.000001"))).isNull();
        assertThat(InputRules.measuredValue(new BigDecimal("102.0000004"))).contains("at most 6 decimal places");
        assertThat(InputRules.measuredValue(new BigDecimal("-9999999999999.5"))).isNull();
        assertThat(InputRules.measuredValue(new BigDecimal("1E13"))).isEqualTo("is out of range for a measured value:"
                + " lotflow keeps values between -9999999999999.999999 and 9999999999999.999999 (at most 13 digits"
                + " before the point), was 10000000000000");
        assertThat(InputRules.measuredValue(new BigDecimal("-1E13"))).startsWith("is out of range");
    }

    /** Auditor 2026-12-05 F21: quoting 1E-999999999 in full ran the JVM out of memory (a 500 for everyone). */
    @Test
    void hugeExponentsAreQuotedShortly() {
        assertThat(InputRules.quantity(new BigDecimal("1E-999999999"), false))
                .isEqualTo("must have at most 3 decimal places, was 1E-999999999 (it is never rounded)");
        assertThat(InputRules.quantity(new BigDecimal("1E+999999999"), false))
                .isEqualTo("must be at most 1000000000, was 1E+999999999");
        assertThat(InputRules.quantity(new BigDecimal("-1E+999999999"), true)).endsWith("was -1E+999999999");
        assertThat(InputRules.measuredValue(new BigDecimal("-2.5E-2147483640"))).contains("was -2.5E-2147483640");
        assertThat(InputRules.measuredValue(new BigDecimal("1E+2147483640"))).contains("was 1E+2147483640");
        assertThat(InputRules.shown(new BigDecimal("1234567890123456789012345678901234567890123.5")))
                .isEqualTo("1.2345678901234567890…E+42 (a number of 44 digits)");
        assertThat(InputRules.shown(new BigDecimal("0.0004"))).isEqualTo("0.0004");
        assertThat(InputRules.shown(new BigDecimal("1E+3"))).isEqualTo("1000");
    }

    @Test
    void businessDatesAndIdentifiers() {
        assertThat(InputRules.businessDate(LocalDate.of(2025, 1, 28))).isNull();
        assertThat(InputRules.businessDate(LocalDate.of(1, 1, 1))).contains("between 1900-01-01 and 2199-12-31");
        assertThat(InputRules.businessDate(LocalDate.of(9999, 12, 31))).contains("between");
        assertThat(InputRules.identifier("IL250-2024-089")).isNull();
        assertThat(InputRules.identifier("SO_2025.1")).isNull();
        for (String bad : new String[] {".", "..", "A/B", "../x", "A B", "", "-A", "A".repeat(65), "A\\B", "A%2F"}) {
            assertThat(InputRules.identifier(bad)).as(bad).contains("letters, digits");
        }
    }

    @Test
    void namesAreOneLineOfVisibleText() {
        for (String good : new String[] {"Acme Foods GmbH", "Müller & Söhne", "O'Brien Ltd.", "東京食品株式会社",
                "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "Café 🍰"}) {
            assertThat(InputRules.name(good)).as(good).isNull();
        }
        assertThat(InputRules.name(null)).isNull();
        assertThat(InputRules.name("Acme\nFoods")).contains("a line break (U+000A) at character 5");
        // auditor 2026-12-05 F5: a Greek capital alpha or Cyrillic letters inside a Latin word look like Latin ones
        assertThat(InputRules.name("\u0391CME Foods")).isEqualTo("mixes Latin and Greek letters in the word"
                + " '\u0391CME' (it would look like another name in recall lists; type it in one alphabet)");
        assertThat(InputRules.name("Acme \u0410\u0421ME")).contains("Latin and Cyrillic", "'\u0410\u0421ME'");
        assertThat(InputRules.name("Acme \u0420\u043e\u0441\u0441\u0438\u044f")).as("words of two alphabets").isNull();
        assertThat(InputRules.name("Caf\u00e9 M\u00fcller-L\u00fcdenscheidt")).isNull();
        assertThat(InputRules.name("\u6771\u4eac\u30bf\u30ef\u30fc Trading")).isNull();
        assertThat(InputRules.name("\u0391\u03b8\u03ae\u03bd\u03b1 Foods")).as("a Greek word").isNull();
        assertThat(InputRules.name("Acme\tFoods")).contains("a tab (U+0009)");
        assertThat(InputRules.name("Acme\u200b")).contains("U+200B ZERO WIDTH SPACE").contains("recall lists");
        assertThat(InputRules.name("\u202eAcme")).contains("U+202E");
        assertThat(InputRules.name("Acme\ufeff")).contains("U+FEFF");
        assertThat(InputRules.name("Acme\u2028Foods")).contains("U+2028");
        assertThat(InputRules.name("Acme\u00adFoods")).contains("U+00AD");
        // a joiner only inside a word: at an end or beside a space it only hides a difference
        assertThat(InputRules.name("Acme\u200d")).contains("U+200D");
        assertThat(InputRules.name("Acme \u200cFoods")).contains("U+200C");
        // what looks like nothing, or like an ordinary space, is refused too (audit finding, 2026-12-05)
        assertThat(InputRules.name("Acme\u00a0Foods")).contains("a no-break space (U+00A0; use an ordinary space)");
        assertThat(InputRules.name("Acme\u3000Foods")).contains("U+3000 IDEOGRAPHIC SPACE");
        assertThat(InputRules.name("Acme\u2009Foods")).contains("U+2009");
        for (String hidden : new String[] {"Acme\u034f", "Acme\u3164", "\u115fAcme", "Acme\u2800", "Acme\ufe0f",
                "\ufe0fAcme", "Acme\uffa0", "Acme\udb40\udd00"}) {
            assertThat(InputRules.name(hidden)).as(hidden).contains("invisible or control character");
        }
        assertThat(InputRules.name("Acme ")).contains("must not begin or end with a space");
        assertThat(InputRules.name(" Acme")).contains("must not begin or end with a space");
        // where a variation selector chooses a visible form, it stays: an emoji, a Han variant
        assertThat(InputRules.name("Caf\u00e9 \u2764\ufe0f")).isNull();
        assertThat(InputRules.name("\u845b\udb40\udd00\u57ce")).isNull();
        // auditor 2026-12-06 A2: texts that print like "Caf\u00e9 Supplies" and are other texts
        assertThat(InputRules.name("Cafe\u0301 Supplies")).isEqualTo("writes a letter as a base letter and a separate"
                + " accent (U+0301 COMBINING ACUTE ACCENT at character 5); type the accented letter itself, so the name"
                + " is one text wherever it is written");
        assertThat(InputRules.name("\uff23af\u00e9 Supplies")).contains("a full-width 'C' (U+FF23; type the ordinary"
                + " 'C')").contains("at character 1");
        assertThat(InputRules.name("Caf\u200de Supplies")).contains("a zero-width joiner (U+200D) between letters that"
                + " are not joined").contains("at character 4");
        assertThat(InputRules.name("\u041a\u0430\u0444\u200d\u0435")).as("Cyrillic letters are not joined either")
                .contains("U+200D");
        // a combining mark with no one-letter form stays (NFC keeps it), as do a Persian joiner and a Han name
        assertThat(InputRules.name("Nguy\u1ec5n Th\u1ecb")).isNull();
        assertThat(InputRules.name("q\u0307 Labs")).isNull();
    }

    /** Re-test 2026-12-06 R1, R2: letters outside ordinary writing, and words of two scripts, in a party's name. */
    @Test
    void aPartysNameHasLettersOfOrdinaryWritingAndOneScriptPerWord() {
        for (String good : new String[] {"Acme Foods GmbH", "M\u00fcller & S\u00f6hne", "\u6771\u4eac\u98df\u54c1\u682a\u5f0f\u4f1a\u793e",
                "Acme \u0420\u043e\u0441\u0441\u0438\u044f", "\u6771\u4eac\u30bf\u30ef\u30fc Trading", "Nguy\u1ec5n Th\u1ecb",
                "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "Jos\u00e9 O'Brien-Smith", "Anna Kowalski"}) {
            assertThat(PartyNames.problem(good)).as(good).isNull();
        }
        assertThat(PartyNames.problem("Acme \ud835\uddd9oods")).contains("not of ordinary writing")
                .contains("MATHEMATICAL SANS-SERIF BOLD CAPITAL F");
        assertThat(PartyNames.problem("\u1d00cme Foods")).contains("LATIN LETTER SMALL CAPITAL A");
        assertThat(PartyNames.problem("\u13aacme Foods")).contains("not of ordinary writing"); // Cherokee A
        assertThat(PartyNames.problem("Anna \u13e6owalski")).contains("not of ordinary writing"); // Cherokee K
        assertThat(PartyNames.problem("Acme \u0555oods")).contains("mixes").contains("Armenian");
        assertThat(PartyNames.problem("Acme\u200b")).as("the name rules first").contains("U+200B");
        assertThat(PartyNames.problem(null)).isNull();
        // a sign Unicode writes as another letter is named as such, not as an accent (re-test R7)
        assertThat(InputRules.name("Ac\u212Ame")).isEqualTo("holds U+212A KELVIN SIGN at character 3, which Unicode"
                + " writes as 'K'; type that letter, so the name is one text wherever it is written");
    }

    /** Re-test 2026-12-07 N5: a justification of one zero-width space or a Hangul filler closed a recall. */
    @Test
    void aTextOfInvisibleCharactersOnlyIsBlank() {
        for (String nothing : new String[] {null, "", "  ", "\n\t", "\u200B", "\u3164", "\u2800", "\uFEFF\u200D",
                "\u115F\u1160", "\u00A0\u3000", "\uFE0F", "\u0300", "\uD834\uDD59", "\uD81B\uDFE4", "\uFFFC",
                "\u2065", "\uFFF0", "\uDB40\uDC00", "\uE000", "\u2028", "\u034F", "\u180E", "\u206A"}) {
            assertThat(InputRules.blank(nothing)).as(String.valueOf(nothing)).isTrue();
        }
        for (String something : new String[] {"x", "\u200Bx", " 5 ", "\u00E9", "\u2014", ".", "\u4e2d", "\u00b5",
                "\uD83D\uDE00"}) {
            assertThat(InputRules.blank(something)).as(something).isFalse();
        }
    }

    /** What is echoed back, not refused: hidden and reversing characters written out, ordinary text as it is. */
    @Test
    void writtenOutShowsWhatWouldHideOrTurnTextAround() {
        assertThat(InputRules.writtenOut("IL250-2024-089")).isEqualTo("IL250-2024-089");
        assertThat(InputRules.writtenOut("ABC\u202Ecba")).isEqualTo("ABC<U+202E>cba");
        assertThat(InputRules.writtenOut("a\tb\u2066c\u200F")).isEqualTo("a<U+0009>b<U+2066>c<U+200F>");
        assertThat(InputRules.writtenOut("Müller 5 μm")).isEqualTo("Müller 5 μm");
        // every format character and the line and paragraph separators (re-test 25 R4)
        assertThat(InputRules.writtenOut("A\u061CB\u200BC\u2028D\uFEFFE\u2060F\uDB40\uDC41G"))
                .isEqualTo("A<U+061C>B<U+200B>C<U+2028>D<U+FEFF>E<U+2060>F<U+E0041>G");
        assertThat(InputRules.writtenOutKeepingLines("line 1\nline\u202E 2")).isEqualTo("line 1\nline<U+202E> 2");
        assertThat(InputRules.writtenOut(null)).isNull();
    }
}

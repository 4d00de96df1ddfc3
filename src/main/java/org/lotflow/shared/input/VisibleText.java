package org.lotflow.shared.input;

/**
 * What one line of visible text is, character by character: the rule behind {@link InputRules#name} (a customer, a
 * supplier, a carrier, a person's name part) and {@link InputRules#line} (a free text kept on one line, such as a lab
 * observation). The answers are sentences a QA person reads ("holds a tab (U+0009) at character 5"), null when the
 * text is allowed; {@link InputRules} documents the rule and turns an answer into a 400 naming the field. Plain rules,
 * tested without Spring ({@code InputRulesTest}).
 */
final class VisibleText {

    private VisibleText() {
    }

    /**
     * Characters Unicode assigns that print as nothing though they are not format characters: the combining grapheme
     * joiner, the Hangul fillers, Khmer's inherent vowels, the Braille blank ({@link InputRules#blank} too).
     */
    static final java.util.Set<Integer> DRAWN_BLANK = java.util.Set.of(0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x17B4,
            0x17B5, 0x2800);

    /**
     * Why {@code value} is no line of visible text (null when it is one, or absent): a free text kept on one line of a
     * record, such as a lab observation, where no name is compared (unlike {@link #name}, words may mix scripts: "5 μm"
     * with the Greek mu). The sentence says which character, by its Unicode code point, and where.
     */
    static String line(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c);
            if (!allowedInName(value, c, i, next)) {
                return "must be one line of visible text; it holds " + describe(c) + " at character " + (i + 1)
                        + " (line breaks, tabs and invisible characters would print differently from what was typed)";
            }
            i = next;
        }
        return null;
    }

    /**
     * Why {@code value} is no name shown on one line (null when it is one, or absent); see {@link InputRules}' class
     * documentation ("name"). The sentence says which character, by its Unicode code point, and where.
     */
    static String name(String value) {
        if (value == null) {
            return null;
        }
        if (!value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ')) {
            return "must not begin or end with a space ('ACME ' and 'ACME' would look like one customer but be two)";
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c);
            if (!allowedInName(value, c, i, next)) {
                return "must be one line of visible text; it holds " + describe(c) + " at character " + (i + 1)
                        + " (line breaks, tabs and invisible characters would make the same name look like"
                        + " another one in recall lists)";
            }
            i = next;
        }
        if (!java.text.Normalizer.isNormalized(value, java.text.Normalizer.Form.NFC)) {
            // "Café" as C-a-f-e and a combining accent prints as "Café" but is another text: a second customer
            // (auditor 2026-12-06 A2)
            int at = firstNotComposed(value);
            int c = value.codePointAt(at);
            if (Character.getType(c) != Character.NON_SPACING_MARK && Character.getType(c) != Character.COMBINING_SPACING_MARK) {
                // a sign Unicode writes as another letter (the Kelvin sign is K, the Ohm sign Ω: re-test R7)
                return "holds " + describeMark(value, at) + " at character " + (at + 1) + ", which Unicode writes as"
                        + " '" + java.text.Normalizer.normalize(new String(Character.toChars(c)),
                                java.text.Normalizer.Form.NFC) + "'; type that letter, so the name is one text wherever"
                        + " it is written";
            }
            return "writes a letter as a base letter and a separate accent (" + describeMark(value, at) + " at"
                    + " character " + (at + 1) + "); type the accented letter itself, so the name is one text"
                    + " wherever it is written";
        }
        return mixedScripts(value);
    }

    /** Where {@code value} first differs from its composed form (NFC): the index of the first combining mark there. */
    private static int firstNotComposed(String value) {
        String composed = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC);
        int i = 0;
        while (i < value.length() && i < composed.length() && value.charAt(i) == composed.charAt(i)) {
            i++;
        }
        if (i < value.length() && !java.text.Normalizer.isNormalized(new String(Character.toChars(value.codePointAt(i))),
                java.text.Normalizer.Form.NFC)) {
            return i; // a sign written as another letter (the Kelvin sign), itself
        }
        while (i < value.length() && Character.getType(value.codePointAt(i)) != Character.NON_SPACING_MARK
                && Character.getType(value.codePointAt(i)) != Character.COMBINING_SPACING_MARK) {
            i += Character.charCount(value.codePointAt(i));
        }
        return Math.min(i, value.length() - 1);
    }

    private static String describeMark(String value, int at) {
        int c = value.codePointAt(at);
        String name = Character.getName(c);
        return String.format("U+%04X", c) + (name == null ? "" : " " + name);
    }

    /**
     * Why a name mixes Latin, Greek and Cyrillic letters inside one word (null when it does not): "ΑCME" with a
     * Greek capital alpha, or "АСМЕ" half Cyrillic, prints exactly like "ACME" and would be a second customer in
     * every recall list (auditor 2026-12-05 F5). A word is a run of letters and combining marks; a name may hold
     * words of different scripts ("Acme Россия"), and scripts that are written together (Han with kana) are not
     * these three.
     */
    private static String mixedScripts(String value) {
        String mixed = wordOfMixedScripts(value, LOOK_ALIKE_SCRIPTS::contains, scripts -> false);
        return mixed == null ? null : mixed + " (it would look like another name in recall lists; type it in one"
                + " alphabet)";
    }

    /**
     * "mixes X and Y letters in the word 'w'" for the first word (a run of letters and combining marks) whose letters
     * are of more than one of the {@code counted} scripts, unless {@code together} allows that set; null when none.
     */
    static String wordOfMixedScripts(String value, java.util.function.Predicate<Character.UnicodeScript> counted,
            java.util.function.Predicate<java.util.Set<Character.UnicodeScript>> together) {
        for (String word : value.split("[^\\p{L}\\p{M}]+")) {
            java.util.Set<Character.UnicodeScript> scripts = java.util.EnumSet.noneOf(Character.UnicodeScript.class);
            word.codePoints().mapToObj(Character.UnicodeScript::of).filter(counted).forEach(scripts::add);
            if (scripts.size() > 1 && !together.test(scripts)) {
                return "mixes " + String.join(" and ", scripts.stream().map(sc -> sc.name().charAt(0)
                        + sc.name().substring(1).toLowerCase(java.util.Locale.ROOT)).toList())
                        + " letters in the word '" + word + "'";
            }
        }
        return null;
    }

    /** The alphabets whose letters print alike (A, Α, А): one word uses one of them at most. */
    private static final java.util.Set<Character.UnicodeScript> LOOK_ALIKE_SCRIPTS = java.util.EnumSet.of(
            Character.UnicodeScript.LATIN, Character.UnicodeScript.GREEK, Character.UnicodeScript.CYRILLIC);

    private static boolean joinsLetters(int c) {
        return Character.isLetter(c) && !LOOK_ALIKE_SCRIPTS.contains(Character.UnicodeScript.of(c));
    }

    private static boolean allowedInName(String value, int c, int at, int next) {
        if (c >= 0xFF01 && c <= 0xFF5E) {
            // full-width forms of ASCII: "Ｃafé" prints like "Café" and is another text (auditor 2026-12-06 A2)
            return false;
        }
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
            return false;
        }
        if (type == Character.SPACE_SEPARATOR) { // only the ordinary space: a no-break or wide space looks like it
            return c == ' ';
        }
        if (DRAWN_BLANK.contains(c)) {
            // default-ignorable or blank-looking though not "format" characters: the combining grapheme joiner, the
            // Hangul fillers, Khmer's inherent vowels, the Braille blank
            return false;
        }
        if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0x180B && c <= 0x180F)) {
            // variation selectors: only where they choose a visible form, after a symbol (an emoji) or a Han or
            // Mongolian character; after a Latin letter they change the text and nothing on screen
            if (at == 0) {
                return false;
            }
            int before = value.codePointBefore(at);
            int beforeType = Character.getType(before);
            Character.UnicodeScript script = Character.UnicodeScript.of(before);
            return beforeType == Character.OTHER_SYMBOL || beforeType == Character.MATH_SYMBOL
                    || script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.MONGOLIAN;
        }
        if (type != Character.FORMAT) {
            return true;
        }
        if (c == 0x200C || c == 0x200D) {
            // zero-width non-joiner / joiner: only inside a word of a script that joins its letters; between Latin,
            // Greek or Cyrillic letters it changes nothing on screen ("Caf\u200De" prints as "Cafe": auditor
            // 2026-12-06 A2)
            return at > 0 && next < value.length() && joinsLetters(value.codePointBefore(at))
                    && joinsLetters(value.codePointAt(next));
        }
        return false;
    }

    private static String describe(int c) {
        String code = String.format("U+%04X", c);
        return switch (c) {
            case '\n' -> "a line break (" + code + ")";
            case '\r' -> "a carriage return (" + code + ")";
            case '\t' -> "a tab (" + code + ")";
            case 0x00A0, 0x202F -> "a no-break space (" + code + "; use an ordinary space)";
            case 0x200C, 0x200D -> "a zero-width " + (c == 0x200C ? "non-joiner" : "joiner") + " (" + code + ") between"
                    + " letters that are not joined";
            default -> {
                if (c >= 0xFF01 && c <= 0xFF5E) {
                    yield "a full-width '" + new String(Character.toChars(c - 0xFEE0)) + "' (" + code + "; type the"
                            + " ordinary '" + new String(Character.toChars(c - 0xFEE0)) + "')";
                }
                if (Character.getType(c) == Character.SPACE_SEPARATOR) {
                    yield "a space other than the ordinary one (" + code + " " + Character.getName(c)
                            + "; use an ordinary space)";
                }
                String name = Character.getName(c);
                yield "an invisible or control character (" + code + (name == null ? "" : " " + name) + ")";
            }
        };
    }
}

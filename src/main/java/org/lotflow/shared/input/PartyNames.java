package org.lotflow.shared.input;

/**
 * The names of parties, which records and recalls tell apart by name: a customer, a supplier, a carrier, a person (a
 * signer's first or last name, a customer's contact). Their rule ({@link #problem}) and what they print as
 * ({@link #printsAs}), for telling two names that look alike. Plain rules, tested without Spring.
 */
public final class PartyNames {

    private PartyNames() {
    }

    /**
     * Why {@code value} is no name of a party (a customer, a supplier, a carrier, a person: a signer's first or last
     * name, a customer's contact), null when it is one, or absent: an {@link InputRules#name} whose letters are all of ordinary
     * writing (Unicode's recommended and inclusion characters for identifiers, UTS #39: no mathematical bold "𝗙",
     * small capital "ᴀ", Cherokee "Ꭺ" or other letters that print like Latin ones but are other text) and whose every
     * word is written in one script (or in Latin with Han and kana, bopomofo or hangul, as Japanese, Chinese and
     * Korean names are): "Օoods" with an Armenian O is no word. Auditor's re-test 2026-12-06 R1, R2: such names split
     * one customer into several and printed a second signer as the first.
     */
    public static String problem(String value) {
        String why = InputRules.name(value);
        if (why != null || value == null) {
            return why;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.isLetter(c) && !com.ibm.icu.text.SpoofChecker.RECOMMENDED.contains(c)
                    && !com.ibm.icu.text.SpoofChecker.INCLUSION.contains(c)) {
                String name = Character.getName(c);
                return "holds a letter that is not of ordinary writing (" + String.format("U+%04X", c)
                        + (name == null ? "" : " " + name) + " at character " + (i + 1) + "): it prints like another"
                        + " letter but is other text; type the ordinary letter";
            }
            i += Character.charCount(c);
        }
        String mixed = VisibleText.wordOfMixedScripts(value,
                s -> s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.INHERITED,
                scripts -> JOINT_SCRIPTS.stream().anyMatch(j -> j.containsAll(scripts)));
        return mixed == null ? null : mixed + " (it would look like another name; type it in one alphabet)";
    }

    /**
     * A party's name as kept, as a reader sees it: without the spaces at its start and end, each run of spaces inside it
     * one space ("Metro  Manufacturing" is "Metro Manufacturing"), case kept; null as null. README: "The customer is
     * kept as a reader sees it, with one space between words"; one rule for an order's customer, a certificate
     * hand-out's customer and a delivery's supplier, so a lot's history names a customer as its orders do (auditor
     * round 22 L1). Applied after {@link #problem} accepted the name without its edge spaces, so only spaces are folded
     * (a tab or a line break is refused there, never folded away).
     */
    public static String asKept(String value) {
        return value == null ? null : InputRules.withoutEdgeSpaces(value).replaceAll(" {2,}", " ");
    }

    /**
     * What a name prints as, for telling two names that look alike: its compatibility form (NFKC), spaces collapsed,
     * then its Unicode confusable skeleton (UTS #39: a Cyrillic "А" reads as a Latin "A"), in lower case. Two names with
     * one key print alike (whatever their case); re-test 2026-12-06 R2.
     */
    public static String printsAs(String value) {
        String compatible = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC)
                .replaceAll("[\\p{Z}\\s]+", " ").trim();
        return SKELETONS.getSkeleton(compatible).toLowerCase(java.util.Locale.ROOT);
    }

    private static final com.ibm.icu.text.SpoofChecker SKELETONS = new com.ibm.icu.text.SpoofChecker.Builder()
            .setChecks(com.ibm.icu.text.SpoofChecker.CONFUSABLE).build();

    /** Scripts written together in one word (UTS #39 "highly restrictive"): Japanese, Chinese, Korean with Latin. */
    private static final java.util.List<java.util.Set<Character.UnicodeScript>> JOINT_SCRIPTS = java.util.List.of(
            java.util.EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN,
                    Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA),
            java.util.EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN,
                    Character.UnicodeScript.BOPOMOFO),
            java.util.EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN,
                    Character.UnicodeScript.HANGUL));
}

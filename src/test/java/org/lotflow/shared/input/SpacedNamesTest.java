package org.lotflow.shared.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The spaces of names and numbers records are searched by ({@link SpacedNames}; auditor round 22 M1), a party's name as
 * kept ({@link PartyNames#asKept}; L1) and lotflow's own numbers typed in any case ({@link MadeNumbers}; L2). Plain
 * rules, no Spring.
 */
class SpacedNamesTest {

    @Test
    void aSearchedNameIsRefusedWithEdgeOrDoubleSpacesOrSpacesOnlyAndSaysWhatItIs() {
        assertThat(SpacedNames.searched("DHL Freight", "carrier")).isNull();
        assertThat(SpacedNames.searched(null, "carrier")).isNull();
        assertThat(SpacedNames.searched("   ", "carrier")).isEqualTo("is only spaces: give the carrier, or leave the"
                + " field out");
        assertThat(SpacedNames.searched("  DHL  ", "carrier")).isEqualTo("must not begin or end with a space: it has"
                + " 2 spaces before 'DHL' and 2 after it (with or without them, the text would look like one carrier but"
                + " be two)");
        assertThat(SpacedNames.searched("DHL  Freight", "carrier")).isEqualTo("must not hold two spaces in a row: it has"
                + " 2 spaces after 'DHL' (with one space instead, 'DHL Freight' would read as one carrier but be two)");
        assertThat(SpacedNames.searched("WH   9", "location")).contains("3 spaces after 'WH'").contains("'WH 9'")
                .contains("one location");
        // the name rule first: a tab or an invisible character is named, and never quoted back
        assertThat(SpacedNames.searched(" DHL\tFreight", "carrier")).contains("a tab").contains("character 4");
        assertThat(SpacedNames.searched(" A\u202Eb", "location")).contains("U+202E").doesNotContain("\u202E");
        // a long text is quoted in part
        assertThat(SpacedNames.searched("x".repeat(150) + " ", "location")).contains("…").hasSizeLessThan(250);
    }

    /**
     * New user round 25 N3: "('DHL Freight' and 'DHL Freight' would read as one carrier but be two)" on a page, which
     * collapses the spaces the sentence quoted; where the spaces are is said in words, and nothing quoted holds two.
     */
    @Test
    void whereTheSpacesAreIsSaidInWordsNotShownBySpaces() {
        assertThat(SpacedNames.searched("DHL ", "carrier")).isEqualTo("must not begin or end with a space: it has a"
                + " space after 'DHL' (with or without it, the text would look like one carrier but be two)");
        assertThat(SpacedNames.searched(" DHL", "carrier")).contains("it has a space before 'DHL' (with or without it,");
        assertThat(SpacedNames.searched("   DHL ", "carrier")).contains("it has 3 spaces before 'DHL' and one after it");
        assertThat(SpacedNames.searched("DHL  Freight   Co", "carrier")).isEqualTo("must not hold two spaces in a row:"
                + " it has 2 spaces after 'DHL' and 3 spaces after 'Freight' (with one space instead, 'DHL Freight Co'"
                + " would read as one carrier but be two)");
        assertThat(SpacedNames.searched("A  B  C  D  E", "location")).contains("2 spaces after 'A', 2 spaces after 'B'"
                + " and 2 spaces after 'C' and more (with one space instead, 'A B C D E'");
        assertThat(SpacedNames.doubleSpaces("  DHL", "carrier")).contains("2 spaces at its start");
        assertThat(SpacedNames.doubleSpaces("DHL  ", "carrier")).contains("2 spaces at its end");
        for (String typed : java.util.List.of("DHL  Freight", "  DHL  ", "DHL ", "A  B  C  D  E", "x".repeat(90) + "  y")) {
            String why = SpacedNames.searched(typed, "carrier");
            assertThat(why).as("no spaces a page collapses").doesNotContain("  ");
            java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("'([^']*)'").matcher(why);
            while (quoted.find()) {
                assertThat(quoted.group(1)).as(why).doesNotStartWith(" ").doesNotEndWith(" ");
            }
        }
    }

    @Test
    void aNameKeepsItsDoubleSpacesButNotItsEdgeSpaces() {
        assertThat(SpacedNames.name("Spaced  Name", "product name")).isNull();
        assertThat(SpacedNames.name(" kg", "unit")).contains("would look like one unit but be two");
        assertThat(SpacedNames.name("", "unit")).isNull();
    }

    @Test
    void aCarrierIsAPartyNameAsTyped() {
        assertThat(SpacedNames.searchedParty("Demo Freight", "carrier")).isNull();
        assertThat(SpacedNames.searchedParty("Dem\u043e Freight", "carrier")).contains("mixes");
        assertThat(SpacedNames.searchedParty("DHL\n", "carrier")).contains("a line break");
        assertThat(SpacedNames.searchedParty("DHL  Freight", "carrier")).contains("two spaces in a row");
    }

    @Test
    void aPartysNameIsKeptWithOneSpaceBetweenWords() {
        assertThat(PartyNames.asKept("  Acme   Corp ")).isEqualTo("Acme Corp");
        assertThat(PartyNames.asKept("Acme Corp")).isEqualTo("Acme Corp");
        assertThat(PartyNames.asKept(null)).isNull();
    }

    @Test
    void lotflowsOwnNumbersAreReadInCapitals() {
        assertThat(MadeNumbers.asMade("rc-2025-001")).isEqualTo("RC-2025-001");
        assertThat(MadeNumbers.asMade("Mr-2025-0003")).isEqualTo("MR-2025-0003");
        assertThat(MadeNumbers.asMade("RC-2025-001")).isEqualTo("RC-2025-001");
        // a dotless i would upper-case to I: not read so
        assertThat(MadeNumbers.asMade("rc-\u0131")).isEqualTo("rc-\u0131");
        assertThat(MadeNumbers.asMade(null)).isNull();
    }
}

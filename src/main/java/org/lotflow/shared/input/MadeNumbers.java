package org.lotflow.shared.input;

import java.util.Locale;

/**
 * The numbers lotflow makes itself and writes in capitals: a recall's {@code RC-yyyy-nnn}, a mock-recall drill's
 * {@code MR-yyyy-nnnn}. Typed in another case ("rc-2025-001", from a paper notice or a phone call) they name the same
 * record, as lot numbers, SKUs and order numbers do (auditor round 22 L2: {@code /api/mock-recalls/mr-2025-0003} said
 * the drill did not exist), so an address's number is read in capitals and the answer gives it as stored. Only a number
 * written in their own alphabet (ASCII letters, digits and '-') is read so: a Turkish dotless i would upper-case to I
 * and name another record. A plain rule, tested without Spring.
 */
public final class MadeNumbers {

    private MadeNumbers() {
    }

    /** {@code typed} in capitals when written in ASCII letters, digits and '-' (at most 64); otherwise as typed. */
    public static String asMade(String typed) {
        return typed != null && typed.matches("[A-Za-z0-9-]{1,64}") ? typed.toUpperCase(Locale.ROOT) : typed;
    }
}

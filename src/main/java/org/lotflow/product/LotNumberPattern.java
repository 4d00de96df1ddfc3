package org.lotflow.product;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A product's lot number pattern, e.g. {@code IL250-{yyyy}-{seq:3}}: {@code {yyyy}} and
 * {@code {yy}} are the year of manufacture, {@code {seq:N}} the per-product, per-year sequence
 * padded to N digits (it grows past N digits rather than repeating). Exactly one {@code {seq:N}}
 * is required; literal text may use letters, digits, '-', '_' and '.'.
 */
public final class LotNumberPattern {

    private static final Pattern TOKEN = Pattern.compile("\\{([^}]*)}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._-]*");
    private static final Pattern SEQ = Pattern.compile("seq:([1-9])");

    private final String pattern;

    private LotNumberPattern(String pattern) {
        this.pattern = pattern;
    }

    /**
     * Parses and validates a pattern.
     *
     * @throws IllegalArgumentException with the reason when the pattern is not usable
     */
    public static LotNumberPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        if (pattern.length() > 60) {
            throw new IllegalArgumentException("must not be longer than 60 characters");
        }
        Matcher m = TOKEN.matcher(pattern);
        int last = 0;
        int seqCount = 0;
        while (m.find()) {
            checkLiteral(pattern.substring(last, m.start()));
            String token = m.group(1);
            if (SEQ.matcher(token).matches()) {
                seqCount++;
            } else if (!token.equals("yyyy") && !token.equals("yy")) {
                throw new IllegalArgumentException("unknown placeholder {" + token
                        + "}; use {yyyy}, {yy} or {seq:N} with N from 1 to 9");
            }
            last = m.end();
        }
        checkLiteral(pattern.substring(last));
        if (seqCount != 1) {
            throw new IllegalArgumentException("must contain exactly one {seq:N} placeholder");
        }
        return new LotNumberPattern(pattern);
    }

    private static void checkLiteral(String literal) {
        if (!LITERAL.matcher(literal).matches()) {
            throw new IllegalArgumentException("may only contain letters, digits, '-', '_', '.' outside placeholders, not '"
                    + literal + "'");
        }
    }

    public String format(int year, int sequence) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String token = m.group(1);
            String value;
            if (token.equals("yyyy")) {
                value = String.format("%04d", year);
            } else if (token.equals("yy")) {
                value = String.format("%02d", year % 100);
            } else {
                Matcher seq = SEQ.matcher(token);
                seq.matches();
                value = String.format("%0" + seq.group(1) + "d", sequence);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Whether a lot number given by hand follows this scheme for a lot made in {@code year}: its literal parts as
     * written (letters in any case: lot numbers are unique whatever their case), {@code {yyyy}} and {@code {yy}} that
     * year, {@code {seq:N}} N digits, or more without a leading zero (the sequence grows past N digits as
     * {@link #format} does, so {@code 0001} under {@code {seq:3}} is no second writing of {@code 001}). Seed, "Assign
     * lot number: follow established numbering scheme"; auditor 2026-12-05 A7.
     */
    public boolean matches(String lotNumber, int year) {
        return given(lotNumber, year).matches();
    }

    /**
     * A lot number that {@link #matches} this pattern, written with the pattern's own letters: matching ignores case,
     * so {@code il250p-2025-050} is {@code IL250P-2025-050} under {@code IL250P-{yyyy}-{seq:3}}, as labels, certificates,
     * the FSMA 204 traceability lot code and the GS1 Digital Link (AI 10 is case-sensitive) must show it (auditor
     * 2026-12-06 C-i: a hand-given number was kept as typed).
     */
    public String inSchemeCase(String lotNumber, int year) {
        Matcher given = given(lotNumber, year);
        if (!given.matches()) {
            return lotNumber;
        }
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (int group = 1; m.find(); group++) {
            out.append(pattern, last, m.start()).append(given.group(group));
            last = m.end();
        }
        return out.append(pattern.substring(last)).toString();
    }

    /**
     * {@code lotNumber} against this pattern for {@code year}, letters in any case: the literal parts as written, each
     * token a group ({@code {yyyy}}, {@code {yy}} that year, {@code {seq:N}} N or more digits).
     */
    private Matcher given(String lotNumber, int year) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start())));
            String token = m.group(1);
            if (token.equals("yyyy")) {
                regex.append('(').append(String.format("%04d", year)).append(')');
            } else if (token.equals("yy")) {
                regex.append('(').append(String.format("%02d", year % 100)).append(')');
            } else {
                Matcher seq = SEQ.matcher(token);
                seq.matches();
                // N digits, or more without a leading zero, as format() writes them: 0001 beside 001 under {seq:3}
                // would be a second lot of sequence 1 (auditor 2026-12-06 G5)
                regex.append("([0-9]{").append(seq.group(1)).append("}|[1-9][0-9]{").append(seq.group(1)).append(",})");
            }
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(lotNumber);
    }

    /**
     * Whether some lot number could follow both this scheme and {@code other}, in any years and letters in any case (lot
     * numbers are unique whatever their case): two products whose schemes share numbers would take each other's lot
     * numbers (the second product's lot refused as taken), and a number on a label would not tell the product (auditor
     * 2026-12-06 G13). {@code {yyyy}} is any 4 digits, {@code {yy}} any 2, {@code {seq:N}} N digits or more: decided
     * exactly over the two schemes' characters (the pairs of positions both can reach on the same text).
     */
    public boolean sharesNumbersWith(LotNumberPattern other) {
        List<Atom> a = atoms();
        List<Atom> b = other.atoms();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>();
        todo.add(new int[] {0, 0});
        while (!todo.isEmpty()) {
            int[] at = todo.poll();
            int i = at[0];
            int j = at[1];
            if (!seen.add(((long) i << 32) | j)) {
                continue;
            }
            if (i == a.size() && j == b.size()) {
                return true;
            }
            // a sequence's further digits may also be absent
            if (i < a.size() && a.get(i).repeats()) {
                todo.add(new int[] {i + 1, j});
            }
            if (j < b.size() && b.get(j).repeats()) {
                todo.add(new int[] {i, j + 1});
            }
            // one character both can write next
            if (i < a.size() && j < b.size() && a.get(i).meets(b.get(j))) {
                todo.add(new int[] {a.get(i).repeats() ? i : i + 1, b.get(j).repeats() ? j : j + 1});
            }
        }
        return false;
    }

    /** One character of the scheme: a letter or sign as written (upper case), or a digit; {@code repeats}: any more. */
    private record Atom(char literal, boolean repeats) {
        static final char DIGIT = 0;

        boolean meets(Atom o) {
            if (literal == DIGIT || o.literal == DIGIT) {
                char other = literal == DIGIT ? o.literal : literal;
                return other == DIGIT || Character.isDigit(other);
            }
            return literal == o.literal;
        }
    }

    private List<Atom> atoms() {
        List<Atom> atoms = new ArrayList<>();
        Matcher m = TOKEN.matcher(pattern);
        int last = 0;
        while (m.find()) {
            literalAtoms(pattern.substring(last, m.start()), atoms);
            String token = m.group(1);
            int digits = token.equals("yyyy") ? 4 : token.equals("yy") ? 2 : Integer.parseInt(token.substring(4));
            for (int k = 0; k < digits; k++) {
                atoms.add(new Atom(Atom.DIGIT, false));
            }
            if (token.startsWith("seq:")) {
                atoms.add(new Atom(Atom.DIGIT, true));
            }
            last = m.end();
        }
        literalAtoms(pattern.substring(last), atoms);
        return atoms;
    }

    private static void literalAtoms(String literal, List<Atom> atoms) {
        for (char c : literal.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            atoms.add(new Atom(c, false));
        }
    }

    public String pattern() {
        return pattern;
    }

    /** N of the pattern's {@code {seq:N}}: the digits a sequence number is written with (more only once it needs them). */
    public int sequenceDigits() {
        Matcher m = TOKEN.matcher(pattern);
        while (m.find()) {
            Matcher seq = SEQ.matcher(m.group(1));
            if (seq.matches()) {
                return Integer.parseInt(seq.group(1));
            }
        }
        throw new IllegalStateException("no {seq:N} in " + pattern);
    }

    @Override
    public String toString() {
        return pattern;
    }
}

package org.lotflow.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business rule refused what was asked: the domain's one way of saying no. Thrown before anything
 * changes (or inside the transaction, which then rolls back), so a refused request leaves no trace.
 *
 * <p>Refusals know nothing of HTTP or the process engine. Each kind is its own class:
 * {@link InvalidInput} (a value breaks a rule, naming the field), {@link NotFound},
 * {@link StateConflict} (the record's state forbids it now), {@link NotPermitted} (the user's role,
 * or {@link FourEyesViolation}) and {@link SignatureRefused}. One mapping,
 * {@link RefusalStatus}, gives each kind its status on {@code /api}, on {@code /engine-rest} and in
 * Tasklist, with the same sentence everywhere.
 *
 * <p>{@link #getMessage()} is the sentence for the user (a QA person reads it); {@link #properties()}
 * are machine-readable extras (for example {@code field}, {@code lotNumber}) that become members of
 * the problem body.
 */
public abstract class Refusal extends RuntimeException {

    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    /**
     * @param detail the sentence; what someone sent inside it is echoed with what would hide or turn text around
     *               written out ({@code <U+202E>}, {@link org.lotflow.shared.input.InputRules#writtenOutKeepingLines}):
     *               one rule for every refusal on {@code /api}, {@code /engine-rest}, Tasklist and the Console (re-test
     *               2026-12-07 25 R2: a status, date or sort parameter's U+202E turned the sentence around)
     */
    protected Refusal(String title, String detail) {
        super(org.lotflow.shared.input.InputRules.writtenOutKeepingLines(detail));
        this.title = title;
    }

    /** The members RFC 9457 gives a problem body itself: an extension never takes their names. */
    private static final java.util.Set<String> PROBLEM_MEMBERS = java.util.Set.of("type", "title", "status", "detail",
            "instance");

    /**
     * Adds a machine-readable member to the refusal (for example the lot number concerned). Its name is never one of
     * the problem's own members ({@code status} is the HTTP status: a lot's status is {@code lotStatus}; new user
     * 2026-12-05 V5 read "QUARANTINE" where the 409 belonged).
     *
     * @throws IllegalArgumentException for one of RFC 9457's member names
     */
    public Refusal with(String key, Object value) {
        if (PROBLEM_MEMBERS.contains(key)) {
            throw new IllegalArgumentException("'" + key + "' is a member of every problem body; name the extension"
                    + " after what it holds");
        }
        // a text member echoes what was sent as the sentence does (re-test 25 R2)
        properties.put(key, value instanceof String text ? org.lotflow.shared.input.InputRules.writtenOutKeepingLines(
                text) : value);
        return this;
    }

    /** A short title for the kind of refusal ("Invalid request", "Four-eyes principle"). */
    public String title() {
        return title;
    }

    /** The extra members, in the order they were added. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** The input field the refusal names, or null. */
    public String field() {
        Object field = properties.get("field");
        return field == null ? null : field.toString();
    }
}

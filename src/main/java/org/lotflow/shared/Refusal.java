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

    protected Refusal(String title, String detail) {
        super(detail);
        this.title = title;
    }

    /** Adds a machine-readable member to the refusal (for example the lot number concerned). */
    public Refusal with(String key, Object value) {
        properties.put(key, value);
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

package org.lotflow.shared.process;

import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.lotflow.shared.InvalidInput;

/**
 * A typed process variable: its name and Java type in one constant, so a process reads and writes it
 * the same way everywhere (no string literals, no casts at the call site). Each process declares its
 * variables once, in its own {@code *Variables} class (for example {@code LotReleaseVariables}).
 *
 * <p>Variables carry only routing flags, display copies and the completing user's form inputs.
 * Business facts (who, which lot, which hold) are never read from a variable: a user can write them
 * through the engine's surfaces (see the README, "Trust"); they come from lotflow's tables by the
 * process's business key.
 *
 * @param <T> the Java type of the value
 */
public final class Variable<T> {

    /**
     * What a true/false input is called in every refusal, on {@code /api}, {@code /engine-rest} and in
     * Tasklist: {@value}.
     */
    public static final String BOOLEAN = "true or false (a Boolean)";

    /** The one reason given when an input is not true or false: {@value}. */
    public static final String MUST_BE_BOOLEAN = "must be " + BOOLEAN;

    private final String name;
    private final Class<T> type;
    private final String kind;

    private Variable(String name, Class<T> type, String kind) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.kind = kind;
    }

    /** A text variable. */
    public static Variable<String> text(String name) {
        return new Variable<>(name, String.class, "text");
    }

    /** A true/false variable. */
    public static Variable<Boolean> bool(String name) {
        return new Variable<>(name, Boolean.class, BOOLEAN);
    }

    /** A whole-number variable (the engine's integer). */
    public static Variable<Integer> integer(String name) {
        return new Variable<>(name, Integer.class, "a whole number");
    }

    /** A point in time (the engine's date, used by timers and due dates). */
    public static Variable<Date> date(String name) {
        return new Variable<>(name, Date.class, "a date and time");
    }

    /** The variable's name in the engine. */
    public String name() {
        return name;
    }

    /**
     * The value as seen from the scope (the scope's own or an enclosing one's), or null when unset;
     * {@link InvalidInput} (400, naming the variable) when it holds another type.
     */
    public T get(VariableScope scope) {
        return cast(scope.getVariable(name));
    }

    /** The value set on this very scope (a task, an execution), or null; 400 when of another type. */
    public T getLocal(VariableScope scope) {
        return cast(scope.getVariableLocal(name));
    }

    /**
     * This variable with a value, to hand to the engine at a process start or a task completion through
     * {@link #values}: {@code Variable.values(DECISION_DUE_AT.with(due))}.
     */
    public Value<T> with(T value) {
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException(name + " is a " + type.getSimpleName() + ", not a "
                    + value.getClass().getSimpleName());
        }
        return new Value<>(this, value);
    }

    /**
     * The variables a process starts with or a task completes with, by their typed names (never a name
     * typed by hand), in the order given, read-only. A variable given twice is a programming error.
     */
    public static Map<String, Object> values(Value<?>... values) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Value<?> value : values) {
            if (map.containsKey(value.variable().name())) {
                throw new IllegalArgumentException(value.variable().name() + " is given twice");
            }
            map.put(value.variable().name(), value.value());
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * A variable and its value (see {@link #with}).
     *
     * @param variable the typed variable
     * @param value its value, possibly null
     * @param <T> the Java type of the value
     */
    public record Value<T>(Variable<T> variable, T value) {
    }

    /** Sets the value where the engine finds it (the nearest scope that has it, else the process). */
    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /** Sets the value on this very scope (a task's display copy, say). */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    /** Removes the value from this very scope. */
    public void removeLocal(VariableScope scope) {
        scope.removeVariableLocal(name);
    }

    private T cast(Object value) {
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw new InvalidInput(name, "must be " + kind);
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        return name + " (" + type.getSimpleName() + ")";
    }
}

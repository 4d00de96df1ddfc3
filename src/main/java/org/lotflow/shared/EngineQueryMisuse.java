package org.lotflow.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine query whose conditions cannot go together, or a list condition with nothing in it, as the caller's input
 * error: 400 naming the condition, in words, where the engine answered 500 (auditor 2026-12-06 X5: {@code
 * task?candidateGroup=&candidateUser=}, {@code tenantIdIn} with {@code withoutTenantId}, {@code latestVersion} with
 * {@code version}, {@code open} with {@code resolved} incidents, sorting by a variable without naming it, an empty id
 * list). The engine refuses these while the query is built, before it reads or changes anything. Plain rules, tested
 * without Spring.
 */
public final class EngineQueryMisuse {

    private EngineQueryMisuse() {
    }

    private static final Pattern BOTH = Pattern.compile("(?s)Invalid query usage: cannot set both (\\w+) and (\\w+).*");
    private static final Pattern INVALID = Pattern.compile("(?s)Invalid query usage: (.+)");
    private static final Pattern LATEST = Pattern.compile("(?s)Calling latest\\(\\) can only be used.*");
    private static final Pattern STATE = Pattern.compile("(?s)Already querying for (\\w+) state <(\\w+)>.*");
    private static final Pattern EMPTY = Pattern.compile("(?s)Set of (.+?) is empty.*");
    private static final Pattern VARIABLE_NAME = Pattern.compile("(?s)variableName is null.*");

    /** The 400 refusal of the engine's exception {@code e} when it is such a misuse; null otherwise. */
    public static EngineRefusals.Refusal refusal(Throwable e) {
        if (!(e instanceof org.camunda.bpm.engine.ProcessEngineException)) {
            return null;
        }
        String message = String.valueOf(e.getMessage());
        Matcher m = BOTH.matcher(message);
        if (m.matches()) {
            return new EngineRefusals.Refusal(400, m.group(1) + " and " + m.group(2) + " cannot be used together in"
                    + " one query: send one of them; nothing was read or changed", m.group(1));
        }
        if (LATEST.matcher(message).matches()) {
            return new EngineRefusals.Refusal(400, "latestVersion picks the latest version of one definition: send it"
                    + " with key (or keyLike, name, nameLike) only, not with version or other conditions; nothing was"
                    + " read or changed", "latestVersion");
        }
        m = STATE.matcher(message);
        if (m.matches()) {
            return new EngineRefusals.Refusal(400, "one " + m.group(1) + " state at a time: " + m.group(2)
                    + " is asked for already (send one of open, resolved, deleted); nothing was read or changed",
                    m.group(2));
        }
        m = EMPTY.matcher(message);
        if (m.matches()) {
            return new EngineRefusals.Refusal(400, m.group(1) + ": the list is empty; name at least one, or leave"
                    + " the condition out; nothing was read or changed", "body");
        }
        if (VARIABLE_NAME.matcher(message).matches()) {
            return new EngineRefusals.Refusal(400, "sorting: sorting or filtering by a variable names it (sorting's"
                    + " parameters: {\"variable\": name, \"type\": type}); nothing was read or changed", "sorting");
        }
        m = INVALID.matcher(message);
        if (m.matches()) {
            return new EngineRefusals.Refusal(400, EngineRefusals.readable(m.group(1)) + "; nothing was read or"
                    + " changed");
        }
        return null;
    }
}

package org.lotflow.security;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a task query or a Tasklist filter may hold as an expression: only the engine's query function of the field's
 * type, written alone ({@code ${currentUser()}}, {@code ${currentUserGroups()}}, {@code ${now()}}, {@code ${dateTime()}}
 * with whole {@code plus}/{@code minus} steps and {@code toDate()}: {@link #allowed}), which Tasklist's own filters use ("My tasks": tasks assigned
 * to {@code ${currentUser()}}). Anything else in a field whose name ends in {@code Expression} ({@code
 * assigneeExpression}, {@code dueBeforeExpression}, ... at any depth: {@code orQueries} included) would be evaluated by
 * the engine, in the caller's request, with access to the application (auditor 2026-12-06 X8, X4: a sales user released
 * a quarantined lot in a QA manager's name through {@code orQueries}; a shared filter placed a hold in the name of whoever
 * opened Tasklist). Refused with 400 naming the field, on {@code /engine-rest} and Tasklist's engine API alike, for
 * everyone (administrators included): a filter is a saved query, not code. Plain rules, tested without Spring.
 */
public final class QueryExpressions {

    private QueryExpressions() {
    }

    private static final Pattern USER = Pattern.compile("^\\$\\{\\s*currentUser\\(\\)\\s*\\}$");
    private static final Pattern GROUPS = Pattern.compile("^\\$\\{\\s*currentUserGroups\\(\\)\\s*\\}$");
    private static final Pattern DATE = Pattern.compile("^\\$\\{\\s*(?:now\\(\\)|dateTime\\(\\)"
            + "(?:\\.(?:plus|minus)(?:Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\(\\s*\\d{1,6}\\s*\\))*"
            + "(?:\\.toDate\\(\\))?)\\s*\\}$");

    /**
     * Whether {@code value} is an expression the query field {@code field} may hold: the function of the field's type,
     * written alone: a user field ({@code assignee}, {@code assigneeLike}, {@code owner}, {@code involvedUser},
     * {@code candidateUser}) {@code ${currentUser()}}; a group list ({@code candidateGroups}, {@code
     * candidateGroupIn}) {@code ${currentUserGroups()}}; a date field ({@code due...}, {@code followUp...},
     * {@code created...}, {@code updated...}) {@code ${now()}} or {@code ${dateTime()}} with steps; any other field
     * none (a function of another type failed in the engine with a 500 and broke a shared filter's list: re-test
     * 2026-12-06 Y3).
     */
    public static boolean allowed(String field, String value) {
        if (value == null) {
            return false;
        }
        String name = field.toLowerCase(java.util.Locale.ROOT);
        name = name.substring(0, name.length() - "expression".length());
        if (java.util.Set.of("assignee", "assigneelike", "owner", "involveduser", "candidateuser").contains(name)) {
            return USER.matcher(value).matches();
        }
        if (java.util.Set.of("candidategroups", "candidategroupin").contains(name)) {
            return GROUPS.matcher(value).matches();
        }
        if (name.startsWith("due") || name.startsWith("followup") || name.startsWith("created")
                || name.startsWith("updated")) {
            return DATE.matcher(value).matches();
        }
        return false;
    }

    /** Whether {@code name} names an expression of a query (it ends in "Expression", whatever its case). */
    static boolean isExpressionField(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith("expression");
    }

    /**
     * The JSON path of the first expression field of {@code body} (at any depth) that holds anything but an allowed
     * expression ({@code orQueries[0].assigneeExpression}), or null when there is none.
     */
    public static String refusedAt(JsonNode body) {
        return refusedAt(body, "");
    }

    private static String refusedAt(JsonNode node, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (isExpressionField(field.getKey()) && !field.getValue().isNull()
                        && !(field.getValue().isTextual() && allowed(field.getKey(), field.getValue().asText()))) {
                    return at;
                }
                String inner = refusedAt(field.getValue(), at);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String inner = refusedAt(node.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** The first query parameter naming an expression with anything but an allowed one, or null. */
    public static String refusedParameter(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            if (isExpressionField(p.getKey())) {
                for (String value : p.getValue()) {
                    if (!allowed(p.getKey(), value)) {
                        return p.getKey();
                    }
                }
            }
        }
        return null;
    }

    /** The sentence of a refusal naming {@code field}. */
    public static String refusal(String field) {
        return field + ": a query's expression may only be the engine's query function of the field's type, written"
                + " alone (${currentUser()} for a user, ${currentUserGroups()} for a list of groups, ${now()} or"
                + " ${dateTime()} with plusDays(n) and the like for a date); anything else would run as code in the"
                + " engine, so nothing was done";
    }
}

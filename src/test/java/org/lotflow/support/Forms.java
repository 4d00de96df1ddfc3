package org.lotflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the Camunda Forms in {@code forms/} for the tests that hold them against their listeners. */
public final class Forms {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private Forms() {
    }

    /** The form {@code forms/<id>.form}; fails if the file's own id differs. */
    public static JsonNode form(String id) {
        JsonNode form = read(Path.of("forms", id + ".form"));
        if (!id.equals(form.path("id").asText())) {
            throw new AssertionError("forms/" + id + ".form has id '" + form.path("id").asText() + "'");
        }
        return form;
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of the form's input fields, nested groups included (text components have none). */
    public static Set<String> inputKeys(JsonNode form) {
        Set<String> keys = new TreeSet<>();
        collect(form.get("components"), keys);
        return keys;
    }

    private static void collect(JsonNode components, Set<String> keys) {
        if (components == null) {
            return;
        }
        for (JsonNode c : components) {
            if (c.hasNonNull("key")) {
                keys.add(c.get("key").asText());
            }
            collect(c.get("components"), keys);
        }
    }

    /**
     * The variables an embedded form ({@code forms/<id>.html}) shows: the names in its script's
     * {@code var shown = [...]}, each fetched from the task and displayed.
     */
    public static Set<String> embeddedShown(String id) {
        try {
            String html = java.nio.file.Files.readString(Path.of("forms", id + ".html"));
            Matcher list = Pattern.compile("var shown = \\[([^\\]]*)]", Pattern.DOTALL).matcher(html);
            if (!list.find()) {
                throw new AssertionError("forms/" + id + ".html declares no 'var shown = [...]'");
            }
            Set<String> names = new TreeSet<>();
            Matcher name = Pattern.compile("'([A-Za-z0-9_]+)'").matcher(list.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The component of the form (nested groups included) whose {@code key} is {@code key}. */
    public static JsonNode field(JsonNode form, String key) {
        java.util.Deque<JsonNode> todo = new java.util.ArrayDeque<>();
        form.get("components").forEach(todo::add);
        while (!todo.isEmpty()) {
            JsonNode c = todo.pop();
            if (key.equals(c.path("key").asText(null))) {
                return c;
            }
            c.path("components").forEach(todo::add);
        }
        throw new AssertionError("the form has no field '" + key + "'");
    }

    /** The {@code {{name}}} placeholders of the form's text components. */
    public static Set<String> placeholders(JsonNode form) {
        Set<String> names = new TreeSet<>();
        for (JsonNode c : form.get("components")) {
            if ("text".equals(c.path("type").asText())) {
                Matcher m = PLACEHOLDER.matcher(c.get("text").asText());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /**
     * A display value of {@code GET task/{id}/form-variables} as its form shows it: a Camunda Form renders it as
     * Markdown, in which lotflow escapes every sign of a user's text with a backslash (TaskForm.md), so the reader
     * sees the text without those backslashes.
     */
    public static String shown(com.fasterxml.jackson.databind.JsonNode formVariables, String name) {
        return formVariables.get(name).get("value").asText().replaceAll("\\\\(\\p{Punct})", "$1");
    }
}

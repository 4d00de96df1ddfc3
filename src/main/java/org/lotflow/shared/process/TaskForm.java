package org.lotflow.shared.process;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a Tasklist form shows: the one way lotflow builds a task's display data. The values are kept with the
 * task when it is created, for display only, and the forms read them as form fields ({@link TaskDisplays}: one
 * row per open task, not ~20 runtime variables each). Nothing reads them back as facts (business facts come from
 * lotflow's tables), and they are not Camunda variables, so they are in no variable's history either: they are
 * copies of lotflow's facts, which keep their own history.
 *
 * <p>Every value is shown as text: absent values as {@code "-"}, quantities without trailing zeros
 * ({@code 1250.5}, never {@code 1.2505E3}), dates ISO ({@code 2025-03-01}), instants to the minute in
 * the plant's zone with its name ({@code 2025-03-01 10:15 Europe/Berlin}, as the Console writes them; {@code lotflow.zone}, UTC by default).
 *
 * <pre>{@code
 * TaskForm.of(task).show("lotNumber", lot.getLotNumber()).show("quantity", qty, "kg").apply();
 * }</pre>
 */
public final class TaskForm {

    /**
     * "2026-12-04 09:15": the date ISO and the time to the minute, followed by the zone's id ("UTC",
     * "Europe/Berlin"), exactly as the Console writes times (new user's N4: the same moment read the same on every
     * screen).
     */
    private static final java.time.format.DateTimeFormatter READABLE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ENGLISH);

    /** The plant's zone ({@code lotflow.zone}, UTC by default), set once by {@link #usePlantZone}. */
    private static volatile java.time.ZoneId plantZone = java.time.ZoneId.of("UTC");

    /** What an absent value shows as. */
    public static final String ABSENT = "-";

    private final DelegateTask task;
    private final Map<String, Object> values = new LinkedHashMap<>();
    /** The task's form is a Camunda Form, whose text components render their values as Markdown. */
    private final boolean markdownForm;

    private TaskForm(DelegateTask task) {
        this.task = task;
        this.markdownForm = rendersMarkdown(task);
    }

    /**
     * Whether the task's form is a Camunda Form ({@code camunda:formRef}): its text components put the values into
     * Markdown before rendering it, so a user's text ("## QA DECISION: RELEASE APPROVED", a link, an image) would be
     * rendered as a heading, a link or an image in the next person's decision form (audit finding, 2026-12-05).
     * Embedded HTML forms show values as text.
     */
    static boolean rendersMarkdown(DelegateTask task) {
        try {
            org.camunda.bpm.model.bpmn.instance.UserTask userTask = task.getBpmnModelElementInstance();
            return userTask != null && userTask.getCamundaFormRef() != null;
        } catch (RuntimeException noModel) {
            return false;
        }
    }

    /** Every character CommonMark could read as formatting, links, images, HTML or structure. */
    private static final String MARKDOWN_SIGNS = "\\`*_{}[]()#+-.!|<>~=:\"'&";

    /**
     * A text as Markdown shows it literally: every sign CommonMark reads as formatting is escaped with a
     * backslash (the rendered text is the text itself). Line breaks are kept.
     */
    public static String md(Object value) {
        String text = value == null ? ABSENT : value.toString();
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (MARKDOWN_SIGNS.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Starts the display data of a task. */
    public static TaskForm of(DelegateTask task) {
        return new TaskForm(task);
    }

    /** Shows a value as text ({@code "-"} when absent). */
    public TaskForm show(String name, Object value) {
        values.put(name, fitted(markdownForm ? md(text(value)) : text(value)));
        return this;
    }

    /**
     * {@code value} as {@link #show} would show it on {@code task}'s form (text, escaped for a Camunda Form's Markdown,
     * fitted), for values computed when the form is read ({@link LiveTaskDisplays}); an empty text stays empty (a
     * form shows nothing for it, where {@code show} would show "-").
     */
    static Object displayed(DelegateTask task, Object value) {
        if (value instanceof Built built) {
            return built.text();
        }
        if (value instanceof String text && text.isEmpty()) {
            return "";
        }
        return fitted(rendersMarkdown(task) ? md(text(value)) : text(value));
    }

    /** Markdown lotflow built for one task's form ({@link #built}), shown as it is, not escaped again. */
    public record Built(String text) {
    }

    /**
     * Markdown lotflow builds, as {@link #markdown} shows it, for a value computed when {@code task}'s form is read
     * ({@link LiveTaskDisplays}): {@code build} is handed the escaping {@code task}'s form needs for every user's text
     * it puts in, and what it builds is shown as it is (fitted; null or blank as {@code "-"}), not escaped as a whole
     * (re-test 27 R1: the recall's closing summary, computed when its form is read).
     */
    public static Built built(DelegateTask task,
            java.util.function.Function<java.util.function.UnaryOperator<String>, String> build) {
        String built = build.apply(escaping(rendersMarkdown(task)));
        return new Built((String) fitted(built == null || built.isBlank() ? ABSENT : built));
    }

    private static java.util.function.UnaryOperator<String> escaping(boolean markdownForm) {
        return markdownForm ? t -> md(t) : t -> t == null ? ABSENT : t;
    }

    /**
     * Shows Markdown lotflow builds (a list of customers, a lab summary): {@code build} is handed the escaping to
     * apply to every user's text it puts in ({@link #md} on a Camunda Form, none on an embedded form, which shows
     * the text as it is); null shows as {@code "-"}.
     */
    public TaskForm markdown(String name, java.util.function.Function<java.util.function.UnaryOperator<String>, String> build) {
        String built = build.apply(escaping(markdownForm));
        values.put(name, fitted(built == null || built.isBlank() ? ABSENT : built));
        return this;
    }

    /**
     * At most 4,000 characters of one display text: a form is read by a person deciding, and a longer list (a large
     * recall's deliveries) is read in full from lotflow's API, which the last line names. (The limit was first the
     * engine's {@code TEXT_} column, when display values were task variables; they are no longer.)
     */
    public static final int MAX_TEXT = 4000;

    /**
     * A display text as a form shows it: whole lines up to {@link #MAX_TEXT} characters, then a last
     * line that says how many lines are not shown and where they are (a customer of a large recall may
     * have received dozens of affected deliveries). Never cut silently, never refused.
     *
     * <p>A line too long to fit whole (a paragraph: an OOS phase's findings of up to 4,000 characters behind
     * their header) is not hidden whole when at least {@code reserve} characters are left: as much of it as
     * fits is shown, followed by how many characters (and lines) are left out and where they are, so the
     * next person signing sees the evidence rather than an empty "1 more line".
     */
    static Object fitted(Object value) {
        if (!(value instanceof String text) || text.length() <= MAX_TEXT) {
            return value;
        }
        String[] lines = text.split("\n", -1);
        StringBuilder kept = new StringBuilder();
        int shown = 0;
        int reserve = 160;
        while (shown < lines.length && kept.length() + lines[shown].length() + 1 <= MAX_TEXT - reserve) {
            kept.append(lines[shown]).append('\n');
            shown++;
        }
        int room = MAX_TEXT - reserve - kept.length();
        if (shown < lines.length && room >= reserve) {
            String line = lines[shown];
            int cut = Character.isHighSurrogate(line.charAt(room - 1)) ? room - 1 : room;
            int hiddenLines = lines.length - shown - 1;
            return kept + line.substring(0, cut) + " … (" + (line.length() - cut) + " more characters"
                    + (hiddenLines == 0 ? "" : " and " + hiddenLines + " more line" + (hiddenLines == 1 ? "" : "s"))
                    + " not shown here: lotflow's API has the complete text)";
        }
        int hidden = lines.length - shown;
        return kept + "… and " + hidden + " more line" + (hidden == 1 ? "" : "s")
                + " not shown here: lotflow's API has the complete list";
    }

    /** Shows a quantity with its unit, for example {@code 1250.5 kg}. */
    public TaskForm show(String name, BigDecimal quantity, String unit) {
        String shown = quantity == null ? ABSENT : text(quantity) + (unit == null ? "" : " " + unit);
        values.put(name, markdownForm ? md(shown) : shown);
        return this;
    }

    /** Shows every entry of a map built elsewhere (a module's standard block, such as a lot's facts). */
    public TaskForm showAll(Map<String, ?> entries) {
        entries.forEach(this::show);
        return this;
    }

    /**
     * Shows a whole number as it is (a number a form field binds to), not as text. Only the kinds a form binds to
     * have a {@code raw}: text, whole numbers and Booleans ({@link TaskDisplays} keeps exactly these), so a decimal
     * can never be turned into a rounded double on its way to a form.
     */
    public TaskForm raw(String name, long value) {
        values.put(name, value);
        return this;
    }

    /** Shows a whole number as it is ({@link #raw(String, long)}). */
    public TaskForm raw(String name, int value) {
        values.put(name, value);
        return this;
    }

    /** Shows a Boolean as it is ({@link #raw(String, long)}). */
    public TaskForm raw(String name, boolean value) {
        values.put(name, value);
        return this;
    }

    /** Shows text lotflow built as it is, unescaped (a table an embedded form renders); null shows as absent. */
    public TaskForm raw(String name, String value) {
        values.put(name, value);
        return this;
    }

    /**
     * Keeps the values as what the task's form shows ({@link TaskDisplays}), written with the engine command that
     * created the task; a value shown again under the same name replaces the earlier one. Only inside the engine
     * (a task listener).
     */
    public void apply() {
        TaskDisplays.show(task, values);
    }

    /**
     * The display values in the order they were shown (for tests and for the API's view of a task): a
     * read-only copy that keeps that order. A value shown again under the same name replaces the earlier
     * one in its place.
     */
    public Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Shows times in the plant's zone ({@code lotflow.zone}, an IANA zone id such as
     * {@code Europe/Berlin}); called once at start-up by the clock's configuration.
     */
    public static void usePlantZone(java.time.ZoneId zone) {
        plantZone = zone;
    }

    /** How lotflow shows a value in a form. */
    public static String text(Object value) {
        if (value == null) {
            return ABSENT;
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Instant instant) {
            return READABLE.format(instant.atZone(plantZone)) + " " + plantZone.getId();
        }
        if (value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        String text = value.toString();
        return text.isBlank() ? ABSENT : text;
    }
}

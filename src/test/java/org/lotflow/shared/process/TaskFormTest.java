package org.lotflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** How every Tasklist form shows a value: one rule, no Spring. */
class TaskFormTest {

    enum Kind { COMPLAINT }

    @Test
    void aTextLongerThanTheEngineKeepsShowsWholeLinesAndSaysHowManyAreLeftOut() {
        StringBuilder deliveries = new StringBuilder();
        for (int i = 1; i <= 48; i++) {
            deliveries.append(i > 1 ? "\n" : "").append("- lot **FG01-B").append(1000 + i)
                    .append("** (Industrial lubricant 55 gal, FG-01): 50 drums on order SO-B").append(i)
                    .append(", shipped 2025-02-01");
        }
        String shown = (String) TaskForm.fitted(deliveries.toString());
        assertThat(shown.length()).isLessThanOrEqualTo(TaskForm.MAX_TEXT);
        String[] lines = shown.split("\n");
        int kept = lines.length - 1;
        assertThat(lines[kept]).isEqualTo("… and " + (48 - kept) + " more lines not shown here: lotflow's API has"
                + " the complete list");
        assertThat(deliveries.toString()).startsWith(shown.substring(0, shown.lastIndexOf('\n')));
        assertThat(TaskForm.fitted("short")).isEqualTo("short");
    }

    @Test
    void aParagraphTooLongToFitWholeIsShownAsFarAsItFitsAndSaysWhatIsLeftOut() {
        String paragraph = "Header: " + "x".repeat(4000);
        String shown = (String) TaskForm.fitted(paragraph);
        assertThat(shown.length()).isLessThanOrEqualTo(TaskForm.MAX_TEXT);
        assertThat(shown).startsWith("Header: xxxx").contains("more characters not shown here");
        String twoParagraphs = "short\n" + "y".repeat(4000) + "\nlast";
        String both = (String) TaskForm.fitted(twoParagraphs);
        assertThat(both.length()).isLessThanOrEqualTo(TaskForm.MAX_TEXT);
        assertThat(both).startsWith("short\nyyyy").contains("more characters and 1 more line not shown here");
        String emoji = "\uD83D\uDE00".repeat(2100); // never split a surrogate pair
        String cut = (String) TaskForm.fitted(emoji);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.indexOf(" …") - 1))).isFalse();
    }

    @Test
    void absentAndBlankValuesShowAsADash() {
        assertThat(TaskForm.text(null)).isEqualTo("-");
        assertThat(TaskForm.text("  ")).isEqualTo("-");
    }

    @Test
    void quantitiesWithoutTrailingZerosOrExponents() {
        assertThat(TaskForm.text(new BigDecimal("1250.500"))).isEqualTo("1250.5");
        assertThat(TaskForm.text(new BigDecimal("1.2E+3"))).isEqualTo("1200");
    }

    @Test
    void datesIsoAndInstantsToTheMinuteInThePlantsZone() {
        assertThat(TaskForm.text(LocalDate.of(2025, 3, 1))).isEqualTo("2025-03-01");
        assertThat(TaskForm.text(Instant.parse("2025-01-28T09:23:13.223471537Z"))).isEqualTo("2025-01-28 09:23 UTC");
    }

    @Test
    void enumsByName() {
        assertThat(TaskForm.text(Kind.COMPLAINT)).isEqualTo("COMPLAINT");
    }

    @Test
    void theValuesComeInTheOrderTheyWereShown() {
        TaskForm form = TaskForm.of(Mockito.mock(DelegateTask.class));
        List<String> shown = new ArrayList<>();
        // more names than a small hash table holds in insertion order by chance; reverse-alphabetical
        for (int i = 30; i >= 1; i--) {
            String name = "field" + (char) ('a' + i % 26) + i;
            shown.add(name);
            form.show(name, i);
        }
        form.show("quantity", new BigDecimal("12.50"), "kg").raw("approved", Boolean.TRUE);
        shown.add("quantity");
        shown.add("approved");

        assertThat(form.values().keySet()).containsExactlyElementsOf(shown);
        assertThat(form.values()).containsEntry("quantity", "12.5 kg").containsEntry("approved", true);
    }

    @Test
    void aValueShownAgainKeepsItsPlaceAndTheValuesAreAReadOnlySnapshot() {
        TaskForm form = TaskForm.of(Mockito.mock(DelegateTask.class)).show("lotNumber", "L-1").show("status", "PENDING")
                .show("lotNumber", "L-2");
        Map<String, Object> values = form.values();
        form.show("location", "Zone 3");

        assertThat(values.keySet()).containsExactly("lotNumber", "status");
        assertThat(values).containsEntry("lotNumber", "L-2");
        assertThat(form.values().keySet()).containsExactly("lotNumber", "status", "location");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> values.put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aUsersTextIsShownLiterallyInMarkdown() {
        String attack = "Customer X\n\n## QA DECISION: RELEASE APPROVED\n[portal](https://evil.example) ![px](http://h/t.png) <b>x</b>";
        String escaped = TaskForm.md(attack);
        assertThat(escaped).doesNotContain("## QA").doesNotContain("](").doesNotContain("<b>")
                .contains("\\#\\# QA DECISION\\: RELEASE APPROVED").contains("\\[portal\\]\\(https\\:");
        // what the reader sees: the text itself (CommonMark drops the backslash before any ASCII punctuation)
        assertThat(escaped.replaceAll("\\\\(\\p{Punct})", "$1")).isEqualTo(attack);
        assertThat(TaskForm.md(null)).as("an absent value still reads \"-\"").isEqualTo("\\" + TaskForm.ABSENT);
    }

    @Test
    void onlyCamundaFormsGetMarkdownEscapes() {
        DelegateTask embedded = Mockito.mock(DelegateTask.class);
        TaskForm.of(embedded).show("holdReason", "## not a heading").markdown("list", esc -> "- " + esc.apply("a_b"));
        assertThat(TaskForm.of(embedded).show("holdReason", "## x").values().get("holdReason")).isEqualTo("## x");
        assertThat(TaskForm.of(embedded).markdown("list", esc -> "- " + esc.apply("a_b")).values().get("list"))
                .isEqualTo("- a_b");

        DelegateTask camundaForm = Mockito.mock(DelegateTask.class);
        org.camunda.bpm.model.bpmn.instance.UserTask model = Mockito.mock(org.camunda.bpm.model.bpmn.instance.UserTask.class);
        Mockito.when(model.getCamundaFormRef()).thenReturn("investigateLot");
        Mockito.when(camundaForm.getBpmnModelElementInstance()).thenReturn(model);
        assertThat(TaskForm.of(camundaForm).show("holdReason", "## x").values().get("holdReason"))
                .isEqualTo("\\#\\# x");
        assertThat(TaskForm.of(camundaForm).markdown("list", esc -> "- " + esc.apply("a_b")).values().get("list"))
                .as("lotflow's own Markdown kept, the user's text in it escaped").isEqualTo("- a\\_b");
    }

    /** Live Markdown ({@link TaskForm#built}) is escaped as {@code markdown} escapes it, not again as a whole (R1). */
    @Test
    void liveMarkdownIsShownAsBuilt() {
        DelegateTask embedded = Mockito.mock(DelegateTask.class);
        assertThat(TaskForm.displayed(embedded, TaskForm.built(embedded, esc -> "**A**: " + esc.apply("a_b"))))
                .isEqualTo("**A**: a_b");
        assertThat(TaskForm.displayed(embedded, TaskForm.built(embedded, esc -> null))).isEqualTo(TaskForm.ABSENT);

        DelegateTask camundaForm = Mockito.mock(DelegateTask.class);
        org.camunda.bpm.model.bpmn.instance.UserTask model = Mockito.mock(org.camunda.bpm.model.bpmn.instance.UserTask.class);
        Mockito.when(model.getCamundaFormRef()).thenReturn("closeRecall");
        Mockito.when(camundaForm.getBpmnModelElementInstance()).thenReturn(model);
        assertThat(TaskForm.displayed(camundaForm, TaskForm.built(camundaForm, esc -> "**A**: " + esc.apply("a_b"))))
                .as("lotflow's own Markdown kept, the user's text in it escaped").isEqualTo("**A**: a\\_b");
        assertThat(TaskForm.displayed(camundaForm, "**A**")).as("a plain live text escaped whole").isEqualTo("\\*\\*A\\*\\*");
    }
}

package org.lotflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Variables handed to the engine at a process start or a task completion go through
 * {@code org.lotflow.shared.process.Variable.values(X.with(value))}: the typed constant checks the
 * value's type, and no process builds a map by hand from a variable's name ({@code Map.of(X.name(), v)},
 * {@code putValue(X.name(), v)}). Checked on the sources.
 *
 * <p>Not checked: {@code recall/**}, which is being redesigned elsewhere
 * ({@code LotRecallVariables.answer} and {@code close} still build their maps by hand).
 */
class TypedVariablesTest {

    static final Path SOURCES = Path.of("src/main/java/org/lotflow");
    static final Path NOT_CHECKED = Path.of("recall");

    /** A map entry keyed by a typed variable's name: {@code Map.of(X.name(), ...)}, {@code put(Y.Z.name(), ...)}. */
    static final Pattern BY_HAND = Pattern.compile(
            "\\b(?:Map\\.of|Map\\.entry|putValue|put)\\(\\s*(?:[\\w]+\\.)*[A-Z][A-Z0-9_]*\\.name\\(\\)\\s*,");

    @Test
    void aMapBuiltByHandIsRecognised() {
        assertThat(byHand("""
                runtimeService.startProcessInstanceByKey(KEY, lotNumber, Variables.createVariables()
                        .putValue(QuarantineInvestigationVariables.DECISION_DUE_AT.name(), due));
                taskService.complete(id, Map.of(DECISION.name(), decision.name()));
                variables.put(ACKNOWLEDGED.name(), acknowledged);
                """)).hasSize(3);
        assertThat(byHand("""
                runtimeService.startProcessInstanceByKey(KEY, lotNumber, Variable.values(DECISION_DUE_AT.with(due)));
                TaskForm.of(task).show(SPECIFICATION.name(), specs);
                throw new InvalidInput(LAB_RESULTS.name(), "enter the lab results");
                """)).isEmpty();
    }

    @Test
    void everyProcessHandsItsVariablesOverThroughVariable() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (!relative.startsWith(NOT_CHECKED)) {
                    byHand(Files.readString(file)).forEach(found -> violations.add(relative + ": " + found));
                }
            }
        }
        assertThat(violations).as("use Variable.values(X.with(value)) instead of a map keyed by X.name()").isEmpty();
    }

    static List<String> byHand(String source) {
        List<String> found = new ArrayList<>();
        Matcher matcher = BY_HAND.matcher(source);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}

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
 * An input that must be true or false is refused in one wording, from one place:
 * {@code org.lotflow.shared.process.Variable.MUST_BE_BOOLEAN} ({@code "must be true or false (a Boolean)"}).
 * Checked on the sources: no other string literal words it itself.
 */
class BooleanWordingTest {

    static final Path SOURCES = Path.of("src/main/java/org/lotflow");
    static final Path THE_ONE_PLACE = Path.of("shared/process/Variable.java");

    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);
    /** A wording of "must be a Boolean": "must be true or false", "must be a Boolean", "(a Boolean)" ... */
    static final Pattern BOOLEAN_WORDING = Pattern.compile(
            "(?i)must be (?:a )?(?:true or false|boolean)|\\(a boolean\\)|a boolean \\(true or false\\)");

    @Test
    void theWordingIsRecognised() {
        assertThat(List.of("must be true or false", "must be a Boolean (true or false)",
                "must be true or false (a Boolean)", "acknowledged must be a boolean"))
                .allMatch(text -> BOOLEAN_WORDING.matcher(text).find());
        assertThat(List.of("must be a number", "a decision (true or false) is required", "Boolean.TRUE"))
                .noneMatch(text -> BOOLEAN_WORDING.matcher(text).find());
        assertThat(literalsWordingABoolean("""
                class Form {
                    // must be true or false: a comment is no refusal
                    void check() { refuse("approved", "must be true or false"); }
                }
                """)).containsExactly("must be true or false");
    }

    @Test
    void onlyVariableWordsTheBooleanRefusal() throws IOException {
        List<String> elsewhere = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.equals(THE_ONE_PLACE)) {
                    continue;
                }
                literalsWordingABoolean(Files.readString(file)).forEach(text -> elsewhere.add(relative + ": \"" + text
                        + "\""));
            }
        }
        assertThat(elsewhere).as("use Variable.MUST_BE_BOOLEAN (or Variable.BOOLEAN) instead of wording it again")
                .isEmpty();
    }

    /** The string literals of a source that word the Boolean refusal themselves. */
    static List<String> literalsWordingABoolean(String source) {
        List<String> found = new ArrayList<>();
        Matcher literal = LITERAL.matcher(withoutComments(source));
        while (literal.find()) {
            String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
            if (BOOLEAN_WORDING.matcher(text).find()) {
                found.add(text);
            }
        }
        return found;
    }

    /** The source without its line comments (a Javadoc may quote the wording; block comments hold no quotes here). */
    private static String withoutComments(String source) {
        return source.replaceAll("(?m)^\\s*(//|\\*|/\\*\\*).*$", "");
    }
}

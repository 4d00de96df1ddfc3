package org.lotflow.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Every command of {@code README.md} and {@code docs/*.md} runs verbatim on a fresh clone (issue #12).
 *
 * <p>The shell blocks ({@code ```bash}) and inline {@code `curl ...`} commands are run with bash, in
 * document order, against the application as the README's command 1 starts it (embedded database, demo
 * data, {@code lotflow.today=2025-01-28}, the job executor on), on a random port: the one rewrite is
 * {@code localhost:8080} to that port. Nothing else is changed: {@code curl} is wrapped only to note
 * each answer's status and body. Each block runs under {@code set -euo pipefail}, so a command that
 * cannot run (a placeholder like {@code <id>}, a missing tool) fails the test. Then:
 * <ul>
 * <li>every call answers 2xx (the README walks the happy path), or the status its {@code # -> NNN}
 * comment names;</li>
 * <li>{@code # -> NNN {"key":value,...}}: each pair is found in the answer (at any depth);
 * {@code # status X} after a call: the answer's status is X; {@code # A, B, C}: the answer's event
 * types contain A, B, C in that order;</li>
 * <li>between blocks (a reader's pause) the engine's due jobs are done, as the README's async steps say;
 * at the end no incident is open.</li>
 * </ul>
 * Blocks that build or start the application ({@code mvn}, {@code java -jar}, {@code createdb}) are too
 * slow to run inside the suite: they are checked for what breaks them verbatim (the jar they run is the
 * one the block builds, the environment variables are ones lotflow reads, the example administrator
 * password passes the policy, {@code -Dtest=} names existing tests, {@code .ci/run} runs command 2).
 *
 * <p>Tag {@code readme}: it runs in the PostgreSQL tests' JVM (surefire execution
 * {@code postgres-integration-tests}), first ({@link org.lotflow.support.ReadmeFirst}), and its application is
 * closed after it ({@code @DirtiesContext}): the README's {@code /engine-rest} calls need the engine called
 * "default", which the shared API test contexts own (the H2 one in the H2 test JVM, the PostgreSQL one after
 * this class), and Camunda registers engines by name in a static registry.
 */
@Tag("readme")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:readme;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "lotflow.today=2025-01-28", "lotflow.demo-data=true", "spring.jmx.enabled=false",
        // Spring Boot tests switch metrics export off; the README's command 1 has it on
        "management.prometheus.metrics.export.enabled=true"})
class ReadmeCommandsIT {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern INLINE_CURL = Pattern.compile("`(curl [^`]+)`");
    static final Pattern EXPECT = Pattern.compile("^#\\s*->\\s*(\\d{3})?\\s*(.*)$");
    static final Pattern TRAILING = Pattern.compile("^(curl .*?)\\s{2,}#\\s*(.+)$");
    static final Pattern PAIR = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|true|false|-?\\d+(?:\\.\\d+)?)");

    @LocalServerPort
    int port;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @TempDir
    Path work;

    record Block(String file, int line, String text) {
        boolean buildsOrStarts() {
            return text.contains("mvn ") || text.contains("java -jar") || text.contains("createdb");
        }

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    /** What a comment says the call before it answers. */
    record Expectation(Integer status, List<String[]> pairs, List<String> typesInOrder) {
    }

    static List<Block> blocks() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            StringBuilder current = null;
            String fence = null;
            int start = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (fence == null && line.startsWith("```")) {
                    fence = line.substring(3).trim();
                    current = new StringBuilder();
                    start = i + 2;
                } else if (fence != null && line.startsWith("```")) {
                    if (fence.equals("bash") || fence.equals("sh") || fence.equals("shell")) {
                        blocks.add(new Block(ROOT.relativize(file).toString(), start, current.toString()));
                    }
                    fence = null;
                } else if (fence != null) {
                    current.append(line).append('\n');
                } else {
                    Matcher m = INLINE_CURL.matcher(line);
                    while (m.find()) {
                        blocks.add(new Block(ROOT.relativize(file).toString(), i + 1, m.group(1) + "\n"));
                    }
                }
            }
        }
        return blocks;
    }

    @Test
    void everyCommandRunsVerbatimAndAnswersWhatTheReadmeSays() throws Exception {
        List<Block> blocks = blocks();
        int run = 0;
        for (Block block : blocks) {
            if (block.buildsOrStarts()) {
                checkBuildBlock(block);
            } else {
                runBlock(block);
                run++;
                awaitJobs(block);
            }
        }
        assertThat(run).as("shell blocks run (23 when this test was written)").isGreaterThanOrEqualTo(20);
        assertThat(runtime.createIncidentQuery().count()).as("incidents after the walkthrough").isZero();
    }

    @Test
    void developmentCommandsNameExistingTests() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = Pattern.compile("-Dtest='?([\\w,]+)'?").matcher(readme);
        int named = 0;
        while (m.find()) {
            for (String test : m.group(1).split(",")) {
                try (Stream<Path> all = Files.walk(ROOT.resolve("src/test/java"))) {
                    assertThat(all.anyMatch(p -> p.getFileName().toString().equals(test + ".java")))
                            .as("README names test " + test).isTrue();
                }
                named++;
            }
        }
        assertThat(named).isPositive();
        assertThat(readme).as("the README's commands do not need a pre-filled local repository")
                .doesNotContain("`mvn -o ");
    }

    private void checkBuildBlock(Block block) throws IOException {
        String text = block.text();
        if (text.contains("mvn spring-boot:run -Dspring-boot.run.arguments=--lotflow.today=2025-01-28")) {
            assertThat(text).as(block + ": command 2").contains("\ntools/test.sh\n");
            assertThat(Files.readString(ROOT.resolve(".ci/run"))).as(".ci/run runs command 2")
                    .contains("exec tools/test.sh\n");
            assertThat(Files.readString(ROOT.resolve("tools/test.sh"))).as("command 2 runs every test")
                    .contains("exec mvn -B test").contains("pg_ctlcluster").contains("install-browser-test-deps.sh")
                    // what `mvn -B test` runs, as two processes side by side: the H2 tests and the pom's other executions
                    .contains("mvn -B test-compile \"$@\"").contains("mvn -B surefire:test \"$@\"")
                    .contains("mvn -B surefire:test@postgres-integration-tests \"$@\"");
            assertThat(Files.readString(ROOT.resolve("pom.xml"))).as("the execution command 2 runs beside the H2 tests")
                    .contains("<id>postgres-integration-tests</id>").contains("<groups>postgres,standalone,readme</groups>")
                    .contains("junit.jupiter.testclass.order.default = org.lotflow.support.ReadmeFirst");
            return;
        }
        if (text.contains("java -jar")) {
            String pom = Files.readString(ROOT.resolve("pom.xml"));
            Matcher coordinates = Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>",
                    Pattern.DOTALL).matcher(pom);
            assertThat(coordinates.find()).isTrue();
            String jar = "target/" + coordinates.group(1) + "-" + coordinates.group(2) + ".jar";
            int build = text.indexOf("mvn -B package");
            int runJar = text.indexOf("java -jar " + jar);
            assertThat(build).as(block + ": the block builds the jar").isGreaterThanOrEqualTo(0);
            assertThat(runJar).as(block + ": the block runs " + jar).isGreaterThan(build);
            String sources = readAll(ROOT.resolve("src/main"));
            Matcher vars = Pattern.compile("\\b(LOTFLOW_\\w+)=").matcher(text);
            int checked = 0;
            while (vars.find()) {
                String var = vars.group(1);
                String property = var.toLowerCase().replace('_', '.');
                assertThat(sources.contains("${" + var) || sources.contains(property))
                        .as(block + ": lotflow reads " + var).isTrue();
                checked++;
            }
            assertThat(checked).isGreaterThanOrEqualTo(5);
            Matcher password = Pattern.compile("LOTFLOW_ADMIN_PASSWORD='([^']+)'").matcher(text);
            assertThat(password.find()).as(block + ": an example administrator password").isTrue();
            UserEntity admin = new UserEntity("admin");
            admin.setFirstName("lotflow");
            admin.setLastName("Administrator");
            for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
                assertThat(rule.execute(password.group(1), admin)).as(block + ": password policy " + rule.getPlaceholder())
                        .isTrue();
            }
            return;
        }
        fail(block + " builds or starts something this test does not know how to check:\n" + text);
    }

    private void runBlock(Block block) throws Exception {
        List<Expectation> expectations = new ArrayList<>();
        StringBuilder script = new StringBuilder("""
                set -euo pipefail
                curl() {
                  local h b rc=0 status
                  h=$(mktemp); b=$(mktemp)
                  command curl -D "$h" -o "$b" "$@" || rc=$?
                  cat "$b"
                  status=$(awk 'toupper($1) ~ /^HTTP\\// {s=$2} END {print s}' "$h")
                  printf 'CALL %s %s\\n' "${status:-none}" "$b" >> "$LOTFLOW_CALLS"
                  return $rc
                }
                """);
        for (String line : block.text().replace("localhost:8080", "localhost:" + port).split("\n")) {
            Matcher expect = EXPECT.matcher(line.trim());
            Matcher trailing = TRAILING.matcher(line);
            if (expect.matches()) {
                expectations.add(new Expectation(expect.group(1) == null ? null : Integer.valueOf(expect.group(1)),
                        pairs(expect.group(2)), List.of()));
                script.append("echo 'EXPECT ").append(expectations.size() - 1).append("' >> \"$LOTFLOW_CALLS\"\n");
            } else if (trailing.matches() && !line.endsWith("\\")) {
                String comment = trailing.group(2).trim();
                script.append(line).append('\n');
                if (comment.matches("status [A-Z_]+")) {
                    expectations.add(new Expectation(null, List.<String[]>of(new String[] {"status", "\"" + comment.substring(7) + "\""}), List.of()));
                } else if (comment.matches("[A-Z_]+(, [A-Z_]+)+")) {
                    expectations.add(new Expectation(null, List.of(), List.of(comment.split(", "))));
                } else {
                    continue;
                }
                script.append("echo 'EXPECT ").append(expectations.size() - 1).append("' >> \"$LOTFLOW_CALLS\"\n");
            } else {
                script.append(line).append('\n');
            }
        }
        Path file = work.resolve("block.sh");
        Path calls = work.resolve("calls.log");
        Files.writeString(file, script);
        Files.writeString(calls, "");
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(work.toFile())
                .redirectErrorStream(true);
        pb.environment().put("LOTFLOW_CALLS", calls.toString());
        Process process = pb.start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(block + " exits 0; it printed:\n" + output + "\nblock:\n" + block.text()).isZero();

        List<String> log = Files.readAllLines(calls);
        assertThat(log).as(block + " makes calls").anyMatch(l -> l.startsWith("CALL "));
        for (int i = 0; i < log.size(); i++) {
            if (!log.get(i).startsWith("CALL ")) {
                continue;
            }
            String[] call = log.get(i).split(" ", 3);
            String status = call[1];
            String body = body(Path.of(call[2]));
            Expectation expectation = i + 1 < log.size() && log.get(i + 1).startsWith("EXPECT ")
                    ? expectations.get(Integer.parseInt(log.get(i + 1).substring(7).trim())) : null;
            String what = block + " call " + (i + 1) + " answered " + status + " " + abbreviate(body);
            if (expectation != null && expectation.status() != null) {
                assertThat(status).as(what).isEqualTo(String.valueOf(expectation.status()));
            } else {
                assertThat(status).as(what).startsWith("2");
            }
            if (expectation != null) {
                check(expectation, body, what);
            }
        }
    }

    private static void check(Expectation expectation, String body, String what) throws IOException {
        if (expectation.pairs().isEmpty() && expectation.typesInOrder().isEmpty()) {
            return;
        }
        JsonNode json = JSON.readTree(body);
        for (String[] pair : expectation.pairs()) {
            JsonNode expected = JSON.readTree(pair[1]);
            List<JsonNode> found = json.findValues(pair[0]);
            if (json.isObject() && json.has(pair[0])) {
                found.add(json.get(pair[0]));
            }
            assertThat(found).as(what + ": " + pair[0] + " = " + pair[1]).anyMatch(v -> same(v, expected));
        }
        if (!expectation.typesInOrder().isEmpty()) {
            List<String> types = json.findValues("type").stream().map(JsonNode::asText).toList();
            assertThat(types).as(what).containsSubsequence(expectation.typesInOrder());
        }
    }

    private static boolean same(JsonNode actual, JsonNode expected) {
        if (expected.isNumber() && actual.isNumber()) {
            return new BigDecimal(actual.asText()).compareTo(new BigDecimal(expected.asText())) == 0;
        }
        return actual.equals(expected) || (!actual.isContainerNode() && actual.asText().equals(expected.asText()));
    }

    private static List<String[]> pairs(String fragment) {
        List<String[]> pairs = new ArrayList<>();
        Matcher m = PAIR.matcher(fragment);
        while (m.find()) {
            pairs.add(new String[] {m.group(1), m.group(2)});
        }
        return pairs;
    }

    /**
     * The answer's body (without the headers {@code curl -i} writes before it); a binary answer (a
     * certificate's PDF) is read with its non-text bytes replaced, never refused.
     */
    private static String body(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        while (text.startsWith("HTTP/")) {
            int end = text.indexOf("\r\n\r\n");
            text = end < 0 ? "" : text.substring(end + 4);
        }
        return text;
    }

    /** A reader's pause between two blocks: the engine's due jobs (async steps, batches) are done. */
    private void awaitJobs(Block block) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (management.createJobQuery().executable().count() > 0) {
            assertThat(System.nanoTime()).as("jobs after " + block + " done within 30 s").isLessThan(until);
            Thread.sleep(100);
        }
    }

    private static String readAll(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".yml")).toList()) {
                all.append(Files.readString(p)).append('\n');
            }
        }
        return all.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}

#!/usr/bin/env bash
# Every test, on a fresh machine of this project's kind: starts the local PostgreSQL if it is down (the
# integration tests need it on 127.0.0.1:5432, trust auth), installs Debian's Chromium and ChromeDriver
# if they are missing (the Tasklist browser test), then runs what `mvn -B test` runs, in two Maven
# processes side by side: the H2 API tests (surefire's default configuration, one JVM) and, beside them,
# the pom's other execution, a JVM of its own: ReadmeCommandsIT first (an application of its own, closed after
# it), then the PostgreSQL tests with the standalone tests (architecture, BPMN process, first administrator).
# The H2 JVM runs one test at a time, mostly waiting on HTTP and the database, and leaves much of the second
# core idle: README, "Development", suite wall time. The second process's output follows the first's; the exit
# status is non-zero when either failed. Arguments go to both Maven processes,
# e.g. tools/test.sh -Dtest=FefoTest -Dsurefire.failIfNoSpecifiedTests=false
# LOTFLOW_TEST_SERIAL=1 runs plain `mvn -B test` instead (the two JVMs one after another).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "PostgreSQL is not running: starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 -q && break
    sleep 1
  done
fi
pg_isready -h 127.0.0.1 -p 5432

# The browser test drives Tasklist in Debian's headless Chromium (installed only when missing).
bash tools/install-browser-test-deps.sh

# Maven's own JVMs (javac runs in the first) at the quick JIT tier, like the test JVMs (the pom's surefire
# argLine): they live seconds, and the optimising compiler's threads cost more than they save (compiling a
# fresh clone: 16-18 s wall and 20-22 s CPU instead of 20-25 s and 38-45 s; README, "Development").
# With a code cache large enough for the quick tier's code (its default is 48 MB; pom, surefire argLine).
export MAVEN_OPTS="-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m -XX:+UseParallelGC ${MAVEN_OPTS:-}"

if [ "${LOTFLOW_TEST_SERIAL:-}" = 1 ]; then
  exec mvn -B test "$@"
fi

# Compile once; both test processes then only run surefire on target/classes and target/test-classes.
mvn -B test-compile "$@"
beside=target/test-postgres-readme.log
# at a lower priority: the H2 tests are the longer side, and they get the CPU first when both want it
nice -n 10 mvn -B surefire:test@postgres-integration-tests "$@" >"$beside" 2>&1 &
beside_pid=$!
status=0
mvn -B surefire:test "$@" || status=$?
beside_status=0
wait "$beside_pid" || beside_status=$?
echo
echo "===== README, PostgreSQL and standalone tests (run beside the H2 tests; $beside) ====="
cat "$beside"
if [ "$status" -ne 0 ] || [ "$beside_status" -ne 0 ]; then
  echo "tools/test.sh: FAILED (H2 tests: exit $status; README, PostgreSQL and standalone tests: exit $beside_status)"
  exit 1
fi

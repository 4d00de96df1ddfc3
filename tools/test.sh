#!/usr/bin/env bash
# Every test, on a fresh machine of this project's kind: starts the local PostgreSQL if it is down (the
# integration tests need it on 127.0.0.1:5432, trust auth), installs Debian's Chromium and ChromeDriver
# if they are missing (the Tasklist browser test), then runs Maven's test phase. Arguments go to Maven,
# e.g. tools/test.sh -Dtest=FefoTest -Dsurefire.failIfNoSpecifiedTests=false
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

exec mvn -B test "$@"

#!/usr/bin/env bash
# The Console's recall board query at 20,000 recalls on PostgreSQL (127.0.0.1:5432, trust auth, user
# postgres): bench/recall-board.sql in a scratch database, dropped afterwards. Prints each run's time.
set -euo pipefail
cd "$(dirname "$0")"
DB=lotflow_bench_recall_board
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB" 2>/dev/null
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"
trap 'psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB"' EXIT
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
# the two PREPAREs' times come first; then each page's eight runs
psql -h 127.0.0.1 -U postgres -d "$DB" -q -f recall-board.sql 2>&1 | grep -E '^(open|closed|Time)'

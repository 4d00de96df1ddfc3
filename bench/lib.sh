# Shared by the bench scripts (source it): the jar, the 1,000,000-lot database, starting and stopping lotflow.
#   BENCH_DB   database name (default lotflow_bench1m); FRESH=1 drops and reloads it; SCALE as in bench/data/load.sh
#   JAR        the lotflow jar to measure (default: target/lotflow-0.1.0-SNAPSHOT.jar, built if missing)
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
BENCH_DB=${BENCH_DB:-lotflow_bench1m}
JAR=${JAR:-target/lotflow-0.1.0-SNAPSHOT.jar}
TODAY=2026-12-01

bench_jar() {
  [ -f "$JAR" ] || mvn -q -B -DskipTests package
}

# Starts lotflow on $BENCH_DB (postgres profile, demo users) on port $1; APP_PID is its pid; log in target/.
bench_start() {
  local port=$1
  LOTFLOW_DB_URL=jdbc:postgresql://127.0.0.1:5432/$BENCH_DB LOTFLOW_DEMO_DATA=true \
    java ${APP_JAVA_OPTS:--Xmx2g} -jar "$JAR" --spring.profiles.active=postgres --server.port="$port" \
    --lotflow.today=$TODAY ${APP_ARGS:-} > "target/bench-$port.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do
    curl -sf "localhost:$port/actuator/health" > /dev/null && return 0
    kill -0 $APP_PID 2> /dev/null || break
    sleep 1
  done
  echo "lotflow did not start on $BENCH_DB"; tail -40 "target/bench-$port.log"; return 1
}

bench_stop() {
  kill "$APP_PID" 2> /dev/null || true
  wait "$APP_PID" 2> /dev/null || true
}

# Makes sure $BENCH_DB holds the data set: creates it, lets lotflow migrate it and create the demo users, loads.
bench_data() {
  local port=$1
  if [ "${FRESH:-0}" = 1 ]; then $PSQL -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)"; fi
  if ! $PSQL -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1; then
    $PSQL -d postgres -c "CREATE DATABASE $BENCH_DB"
  fi
  if ! $PSQL -d "$BENCH_DB" -tAc "SELECT 1 FROM pg_tables WHERE tablename = 'lot'" | grep -q 1 \
     || [ "$($PSQL -d "$BENCH_DB" -tAc "SELECT count(*) FROM product WHERE sku = 'FG-01'")" = 0 ]; then
    bench_start "$port"; bench_stop
    bench/data/load.sh "$BENCH_DB"
  fi
  # planner costs for a database on SSD that fits the OS cache, as a plant would set them (README,
  # "PostgreSQL in production"); PostgreSQL's defaults assume spinning disks
  $PSQL -d postgres -c "ALTER DATABASE $BENCH_DB SET random_page_cost = 1.1" \
        -c "ALTER DATABASE $BENCH_DB SET effective_cache_size = '8GB'"
}

# The machine and its load, for bench/RESULTS.md.
bench_machine() {
  echo "# $(date -u +%FT%TZ), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
}

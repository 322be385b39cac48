#!/usr/bin/env bash
# Import and export figures (see BENCHMARKS.md, "Imports and exports"): starts the packaged jar on the in-memory
# embedded store with the demo seed, imports ROWS generated project rows (bench/gen-projects.py, deterministic,
# labelled demo) from a CSV built on the service's own template, then the same file again (every row unchanged),
# and exports every project as xlsx, csv and jsonl. Prints rows/s and, sampled with jstat every half second,
# the peak heap in use during each step.
#
# Usage: bench/io.sh        env: ROWS=10000 PORT=18791 JAVA_OPTS (default: the README's packaged launch flags)
#   SKIP_BUILD=1 EXTRA_ARGS (more service arguments) WORK=target/bench-io PROFILE=1 (a JFR recording)
#   DATA_DIR=folder: start on a copy of a seeded file store instead (e.g. one made by
#   `seed --scale-projects=100000`), and with ROWS=0 only export: the 100,000-row export
# Needs: java 17 (jstat), mvn, curl, python3. The service it starts is stopped by its PID.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${ROWS:-10000}"; PORT="${PORT:-18791}"; WORK="${WORK:-$ROOT/target/bench-io}"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseParallelGC -Xms2g -Xmx2g -XX:+ExitOnOutOfMemoryError}"
BASE="http://127.0.0.1:$PORT"
mkdir -p "$WORK"
SVC_PID=; SAMPLER=
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
cleanup() { [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null; [ -n "$SVC_PID" ] && kill "$SVC_PID" 2>/dev/null; wait 2>/dev/null; }
trap cleanup EXIT
if [ -z "${SKIP_BUILD:-}" ]; then ( cd "$ROOT" && mvn -q -B -DskipTests package ) || exit 1; fi
JAR="${JAR:-$(ls "$ROOT"/target/industrial-investment-*.jar | grep -v plain | head -1)}"
log "commit $(git -C "$ROOT" rev-parse --short HEAD), $ROWS rows, JAVA_OPTS: $JAVA_OPTS"

# shellcheck disable=SC2086
if [ -n "${DATA_DIR:-}" ]; then
  rm -rf "$WORK/data"; cp -r "$DATA_DIR" "$WORK/data"; STORE_ARGS="--investment.store.data-dir=$WORK/data"
else
  STORE_ARGS="--investment.store.mode=memory"
fi
T0="$(date +%s%3N)"
java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" $STORE_ARGS ${EXTRA_ARGS:-} >"$WORK/service.log" 2>&1 &
SVC_PID=$!
[ -n "${PROFILE:-}" ] && { sleep 5; jcmd "$SVC_PID" JFR.start name=io settings=profile filename="$WORK/io.jfr" >/dev/null; }
until curl -sf "$BASE/actuator/health" >/dev/null; do
  kill -0 "$SVC_PID" 2>/dev/null || { log "service died; see $WORK/service.log"; exit 1; }; sleep 1
done
log "answering $(( $(date +%s%3N) - T0 )) ms after launch"
TOKEN="$(curl -s "$BASE/graphql" -H 'Content-Type: application/json' \
  -d '{"query":"mutation { login(username: \"admin\", password: \"demo\") { token } }"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')"
curl -s -o "$WORK/template.csv" "$BASE/imports/templates/projects.csv"
python3 "$ROOT/bench/gen-projects.py" "$ROWS" "$WORK/template.csv" >"$WORK/projects.csv"

# heap in use (KiB) every half second: S0U+S1U+EU+OU
( jstat -gc "$SVC_PID" 500 | awk 'NR > 1 { printf "%d\n", $3 + $4 + $6 + $8; fflush() }' >"$WORK/heap.txt" ) &
SAMPLER=$!
peak_since() { awk -v from="$1" 'NR > from && $1 > max { max = $1 } END { printf "%.0f", max / 1024 }' "$WORK/heap.txt"; }
now_s() { date +%s.%N; }

import_once() { # label -> prints a table row
  local label="$1" mark t0 id status
  mark="$(wc -l <"$WORK/heap.txt")"; t0="$(now_s)"
  id="$(curl -s -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/projects.csv" "$BASE/imports/projects" \
    | sed -E 's/.*"id":"([^"]+)".*/\1/')"
  while :; do
    status="$(curl -s "$BASE/graphql" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"query\":\"{ importJob(id: \\\"$id\\\") { status processedRows created updated unchanged failed } }\"}")"
    case "$status" in *'"SUCCEEDED"'*|*'"FAILED"'*) break ;; esac
    sleep 0.5
  done
  local secs; secs="$(echo "$(now_s) - $t0" | bc)"
  printf '| import %s | %s | %.1f | %.0f | %s MiB | %s |\n' "$label" "$ROWS" "$secs" "$(echo "$ROWS / $secs" | bc -l)" \
    "$(peak_since "$mark")" "$(echo "$status" | sed -E 's/.*"importJob":\{([^}]*)\}.*/\1/')"
}

export_once() { # format
  local mark t0 secs lines
  mark="$(wc -l <"$WORK/heap.txt")"; t0="$(now_s)"
  curl -s -H "Authorization: Bearer $TOKEN" -o "$WORK/export.$1" "$BASE/exports/projects.$1"
  secs="$(echo "$(now_s) - $t0" | bc)"
  case "$1" in xlsx) lines="$(du -k "$WORK/export.$1" | cut -f1) KiB" ;; *) lines="$(wc -l <"$WORK/export.$1") lines" ;; esac
  printf '| export %s | all | %.1f | | %s MiB | %s |\n' "$1" "$secs" "$(peak_since "$mark")" "$lines"
}

gc_heap() { # heap in use right after a full GC, MiB
  jcmd "$SVC_PID" GC.run >/dev/null 2>&1; sleep 1
  jstat -gc "$SVC_PID" | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }'
}
log "projects held: $(curl -s "$BASE/graphql" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"query":"{ projects { totalCount } }"}' | sed -E 's/.*"totalCount":([0-9]+).*/\1/'); heap after a full GC: $(gc_heap) MiB"
echo "| step | rows | seconds | rows/s | peak heap in use | outcome |"
echo "|---|---|---|---|---|---|"
if [ "$ROWS" -gt 0 ]; then
  import_once "(new)"
  import_once "(same file again)"
fi
for f in csv jsonl xlsx; do export_once "$f"; done
log "heap after a full GC: $(gc_heap) MiB; resident: $(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SVC_PID/status") MiB"
[ -n "${PROFILE:-}" ] && jcmd "$SVC_PID" JFR.stop name=io >/dev/null

#!/usr/bin/env bash
# The benchmark command (see BENCHMARKS.md): drives the packaged service from outside its JVM with wrk.
# For each project count in PROJECTS it seeds a data folder once (`seed --scale-projects=N`: the demo set plus N
# clones with 24 half-monthly reports each), starts the jar on a copy of it with the README's launch flags, times
# start-up to the first answered request, records the page's throughput second by second from its first request,
# warms up, measures card, page, districts, bulletin and submit with `wrk --latency`, and reads the heap after a
# full GC and the resident memory. Prints one markdown table and keeps everything under $WORK.
#
# Usage: bench/run.sh            env: PROJECTS="10000 100000" OPS="card page districts bulletin submit"
#   CONNS=16 THREADS=2 MEASURE_S=10 WARM_ROUNDS=3 WARM_S=10 CURVE_S=30 PORT=18090 WORK=target/bench
#   JAVA_OPTS (default: the packaged launch flags from README) SKIP_BUILD=1 RESEED=1 PROFILE=1 (a JFR recording)
#   SEED_ARGS (more arguments for the seed, e.g. --investment.seed.demo-through=2012-01 for 2 reports a clone)
# Needs: java 17, mvn, wrk, curl. Every process it starts is stopped by its PID.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECTS="${PROJECTS:-10000 100000}"
OPS="${OPS:-card page districts bulletin submit}"
CONNS="${CONNS:-16}"; THREADS="${THREADS:-2}"; MEASURE_S="${MEASURE_S:-10}"
WARM_ROUNDS="${WARM_ROUNDS:-3}"; WARM_S="${WARM_S:-10}"; CURVE_S="${CURVE_S:-30}"
PORT="${PORT:-18090}"
WORK="${WORK:-$ROOT/target/bench}"
# the packaged launch line of README.md ("Running the jar"); keep the two the same
DEFAULT_JAVA_OPTS="-XX:+UseParallelGC -Xms2g -Xmx2g -XX:+ExitOnOutOfMemoryError"
JAVA_OPTS="${JAVA_OPTS-$DEFAULT_JAVA_OPTS}"
URL="http://127.0.0.1:$PORT/graphql"
STAMP="$(date -u +%Y%m%dT%H%M%S)"; OUT="$WORK/run-$STAMP"; mkdir -p "$OUT"
CLK_TCK="$(getconf CLK_TCK)"
SVC_PID=
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
cleanup() { if [ -n "$SVC_PID" ]; then kill "$SVC_PID" 2>/dev/null; wait "$SVC_PID" 2>/dev/null; fi; }
trap cleanup EXIT

for tool in java wrk curl; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
if [ -z "${SKIP_BUILD:-}" ]; then ( cd "$ROOT" && mvn -q -B -DskipTests package ) || exit 1; fi
JAR="$(ls "$ROOT"/target/industrial-investment-*.jar | grep -v plain | head -1)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
log "jar $JAR (commit $COMMIT); JAVA_OPTS: $JAVA_OPTS; results in $OUT"

json_string() { sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' "$1" | awk '{printf "%s\\n", $0}'; }
now_ms() { date +%s%3N; }
proc_cpu() { local f; f="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo 0; return; }; f="${f##*) }"; set -- $f; echo $(( ${12} + ${13} )); }
machine_busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
to_ms() { # wrk latency text (12.3us, 4.5ms, 1.2s) -> ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
login() { curl -s "$URL" -H 'Content-Type: application/json' \
  -d "{\"query\":\"mutation { login(username: \\\"$1\\\", password: \\\"demo\\\") { token } }\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'; }

lua_for() { # op token projects -> path of a wrk script
  local op="$1" token="$2" n="$3" f="$OUT/$1.lua" query
  query="$(json_string "$ROOT/bench/queries/$op.graphql")"
  {
    printf 'OP = "%s"\nTOKEN = "%s"\nPROJECTS = %d\nRUN = "%s"\nCHECK = %s\n' "$op" "$token" "$n" "$STAMP-$n" \
      "$([ "$op" = submit ] && echo true || echo false)"
    printf 'BODY = [==[{"query":"%s"}]==]\nHEAD = [==[{"query":"%s",]==]\n' "$query" "$query"
    cat "$ROOT/bench/wrk.lua"
  } >"$f"
  echo "$f"
}

start_service() { # data-dir log -> SVC_PID, STARTUP_MS (launch to the first answered page)
  local t0 body; t0="$(now_ms)"
  INVESTMENT_DATA_DIR="$1" java $JAVA_OPTS ${PROFILE:+-XX:StartFlightRecording=filename=$OUT/profile-$N.jfr,settings=profile} \
    -jar "$JAR" --server.port="$PORT" >"$2" 2>&1 &
  SVC_PID=$!
  body="{\"query\":\"$(json_string "$ROOT/bench/queries/page.graphql")\"}"
  while [ $(( $(now_ms) - t0 )) -lt 600000 ]; do
    kill -0 "$SVC_PID" 2>/dev/null || { tail -30 "$2" >&2; return 1; }
    if curl -s -m 5 "$URL" -H 'Content-Type: application/json' -d "$body" 2>/dev/null | grep -q '"totalCount"'; then
      FIRST_MS="$(now_ms)"; STARTUP_MS=$(( FIRST_MS - t0 )); return 0; fi
    sleep 0.1
  done
  return 1
}

memory() { # -> "heap-after-full-GC-MiB RSS-MiB"
  local heap rss
  # the live bytes the class histogram counts after its own full collection; a "used" figure read after GC.run
  # also counts what background work allocated since (after submissions, hundreds of MiB for some seconds)
  heap="$(jcmd "$SVC_PID" GC.class_histogram 2>/dev/null | awk '$1 == "Total" { print int($3 / 1024) }')"
  rss="$(awk '/VmRSS/{print $2}' "/proc/$SVC_PID/status")"
  echo "$(( ${heap:-0} / 1024 )) $(( ${rss:-0} / 1024 ))"
}

measure() { # op lua -> appends a row to $OUT/results.tsv
  local op="$1" lua="$2" c0 c1 b0 b1 wall rps p50 p99 reqs errs non2xx cpu others
  c0="$(proc_cpu "$SVC_PID")"; b0="$(machine_busy)"; wall="$(now_ms)"
  wrk -t"$THREADS" -c"$CONNS" -d"${MEASURE_S}s" --latency -s "$lua" "$URL" >"$OUT/$N-$op.txt" 2>&1
  wall=$(( $(now_ms) - wall )); c1="$(proc_cpu "$SVC_PID")"; b1="$(machine_busy)"
  rps="$(awk '/Requests\/sec/{print $2}' "$OUT/$N-$op.txt")"
  reqs="$(awk '/requests in/{print $1}' "$OUT/$N-$op.txt")"
  p50="$(to_ms "$(awk '$1=="50%"{print $2}' "$OUT/$N-$op.txt")")"
  p99="$(to_ms "$(awk '$1=="99%"{print $2}' "$OUT/$N-$op.txt")")"
  errs="$(awk '/graphql errors:/{print $3}' "$OUT/$N-$op.txt")"
  non2xx="$(awk '/Non-2xx/{print $NF}' "$OUT/$N-$op.txt")"
  cpu="$(awk -v c=$((c1 - c0)) -v t="$CLK_TCK" -v r="$reqs" 'BEGIN { printf "%.2f", (r > 0) ? c / t * 1000 / r : 0 }')"
  # cores used by everything but the service, wrk included, over the run
  others="$(awk -v b=$((b1 - b0)) -v c=$((c1 - c0)) -v t="$CLK_TCK" -v w="$wall" 'BEGIN { printf "%.2f", (b - c) / t / (w / 1000) }')"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$N" "$op" "$rps" "$p50" "$p99" "$cpu" "${errs:-0}" "${non2xx:-0}" \
    "$others" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/results.tsv"
  log "$N $op: $rps req/s, p50 $p50 ms, p99 $p99 ms, server CPU $cpu ms/req, errors ${errs:-0}, non-2xx ${non2xx:-0}"
}

: >"$OUT/results.tsv"; : >"$OUT/scale.tsv"
for N in $PROJECTS; do
  PRISTINE="$WORK/data-$N"
  if [ -n "${RESEED:-}" ] || [ ! -f "$PRISTINE/.seeded" ]; then
    rm -rf "$PRISTINE"; mkdir -p "$PRISTINE"; t0="$(now_ms)"
    INVESTMENT_DATA_DIR="$PRISTINE" java $JAVA_OPTS -jar "$JAR" seed --scale-projects="$N" --investment.store.socket-timeout=300s ${SEED_ARGS:-} >"$OUT/seed-$N.log" 2>&1 \
      || { tail -30 "$OUT/seed-$N.log" >&2; exit 1; }
    touch "$PRISTINE/.seeded"; log "seeded $N clones in $(( ($(now_ms) - t0) / 1000 )) s ($(du -sh "$PRISTINE" | cut -f1))"
  fi
  DATA="$WORK/run-data"; rm -rf "$DATA"; cp -r "$PRISTINE" "$DATA"   # submissions change the data
  start_service "$DATA" "$OUT/service-$N.log" || { log "service did not answer"; exit 1; }
  log "$N: first answered page $STARTUP_MS ms after launch (pid $SVC_PID)"
  READER="$(login analyst)"; WRITER="$(login admin)"
  # time to throughput: the page from its first requests, as consecutive 2-second wrk runs
  lua="$(lua_for page "$READER" "$N")"; : >"$OUT/$N-curve.tsv"; t0="$FIRST_MS"
  while [ $(( $(now_ms) - t0 )) -lt $(( CURVE_S * 1000 )) ]; do
    rps="$(wrk -t"$THREADS" -c"$CONNS" -d2s -s "$lua" "$URL" 2>/dev/null | awk '/Requests\/sec/{print $2}')"
    printf '%.1f\t%s\n' "$(awk -v a="$(now_ms)" -v b="$t0" 'BEGIN { print (a - b) / 1000 }')" "$rps" >>"$OUT/$N-curve.tsv"
  done
  for op in $OPS; do
    token="$READER"; [ "$op" = submit ] && token="$WRITER"
    lua="$(lua_for "$op" "$token" "$N")"
    for w in $(seq 1 "$WARM_ROUNDS"); do wrk -t"$THREADS" -c"$CONNS" -d"${WARM_S}s" -s "$lua" "$URL" >/dev/null 2>&1; done
    [ "$op" = submit ] && read -r HEAP RSS <<<"$(memory)" && printf '%s\t%s\t%s\t%s\n' "$N" "$STARTUP_MS" "$HEAP" "$RSS" >>"$OUT/scale.tsv"
    measure "$op" "$lua"
  done
  grep -q "^$N	" "$OUT/scale.tsv" || { read -r HEAP RSS <<<"$(memory)"; printf '%s\t%s\t%s\t%s\n' "$N" "$STARTUP_MS" "$HEAP" "$RSS" >>"$OUT/scale.tsv"; }
  kill "$SVC_PID"; wait "$SVC_PID" 2>/dev/null; SVC_PID=
done

{
  echo "commit $COMMIT, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, JAVA_OPTS: $JAVA_OPTS, wrk -t$THREADS -c$CONNS -d${MEASURE_S}s after $WARM_ROUNDS x ${WARM_S}s warm-up"
  echo
  echo "| projects | op | req/s | p50 ms | p99 ms | server CPU ms/req | errors | non-2xx | other cores | load before |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 }' "$OUT/results.tsv"
  echo
  echo "| projects | launch to first answered page, s | heap after full GC, MiB | resident, MiB | page req/s in 2-s runs from its first request (end of run, s: req/s) |"
  echo "|---|---|---|---|---|"
  while IFS=$'\t' read -r n start heap rss; do
    printf '| %s | %.1f | %s | %s | %s |\n' "$n" "$(awk -v s="$start" 'BEGIN { print s / 1000 }')" "$heap" "$rss" \
      "$(awk -F'\t' '{ printf "%s%s: %.0f", (NR > 1 ? ", " : ""), $1, $2 }' "$OUT/$n-curve.tsv")"
  done <"$OUT/scale.tsv"
} | tee "$OUT/table.md"

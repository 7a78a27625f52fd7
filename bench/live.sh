#!/usr/bin/env bash
# make bench-live: how responsive the classroom page stays while a run from the Treinar tab
# trains. Serves a model, times generate requests (300 characters each) with the server idle,
# then while a run trains on the bundled sample, one request at a time and four at once.
#
#   LIVE_MODEL    the model served (default models/demo.zip; absent: a 30-second model is trained first)
#   LIVE_RUN      the run trained meanwhile, as the page asks it (default "cell=lstm&layers=2&hidden=256")
#   LIVE_REQUESTS requests per measurement (default 40)
#
# Writes bench/results/live.md.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/results
PENA="java --add-modules jdk.incubator.vector -jar target/pena.jar"
MODEL=${LIVE_MODEL:-models/demo.zip}
RUN=${LIVE_RUN:-"cell=lstm&layers=2&hidden=256"}
REQUESTS=${LIVE_REQUESTS:-40}
mkdir -p "$OUT"
[ -f target/pena.jar ] || { echo "bench-live: build first (make build)" >&2; exit 1; }
command -v curl >/dev/null || { echo "bench-live: needs curl (apt-get install curl)" >&2; exit 1; }
if [ ! -f "$MODEL" ]; then
  MODEL=$OUT/live-served.zip
  echo "bench-live: no ${LIVE_MODEL:-models/demo.zip}; training $MODEL for 30 s on the bundled sample"
  $PENA train --corpus amostra --hidden 128 --minutes 0.5 --out "$OUT/live-served" --force >"$OUT/live-served.log"
fi
MODELS=$(mktemp -d)
LOG=$OUT/live-serve.log
$PENA serve --model "$MODEL" --port 0 --models-dir "$MODELS" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$MODELS"' EXIT
for _ in $(seq 120); do grep -q "http://" "$LOG" && break; sleep 0.5; done
URL=$(grep -o 'http://[^ ]*/' "$LOG" | head -1)
[ -n "$URL" ] || { echo "bench-live: the server did not start; see $LOG" >&2; exit 1; }

# seconds per request, one line each
sequential() {
  for i in $(seq "$REQUESTS"); do
    curl -s -o /dev/null -w '%{time_total}\n' "${URL}api/generate?length=300&seed=$i"
  done
}
parallel() {
  for c in 1 2 3 4; do
    (for i in $(seq $((REQUESTS / 4))); do
      curl -s -o /dev/null -w '%{time_total}\n' "${URL}api/generate?length=300&seed=$c$i"
    done) &
  done
  wait
}
summary() { # median, 90th percentile and worst, in ms
  sort -n | awk '{v[NR]=$1} END {printf "%.0f | %.0f | %.0f", 1000*v[int((NR+1)/2)], 1000*v[int(NR*0.9+0.5)], 1000*v[NR]}'
}
status() { curl -s "${URL}api/training" | python3 -c "import json,sys; r=json.load(sys.stdin)['run'] or {}; print(r.get('status',''), round(r.get('charsPerSecond') or 0))"; }

sequential >/dev/null # warm-up: the JIT and the first allocations
IDLE_ONE=$(sequential | summary)
IDLE_FOUR=$(parallel | summary)
curl -s -X POST "${URL}api/training/start?corpus=amostra&minutes=10&name=bench-live&$RUN" >/dev/null
for _ in $(seq 240); do [ "$(status | cut -d' ' -f1)" = training ] && break; sleep 0.5; done
sleep 5
SPEED_BEFORE=$(status | cut -d' ' -f2)
RUN_ONE=$(sequential | summary)
RUN_FOUR=$(parallel | summary)
sleep 10
SPEED_AFTER=$(status | cut -d' ' -f2)
curl -s -X POST "${URL}api/training/stop" >/dev/null
for _ in $(seq 240); do case "$(status | cut -d' ' -f1)" in stopped|finished|failed) break;; esac; sleep 0.5; done

{
  echo "# The page's generate latency while a run trains ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "Served: $MODEL. Each request generates 300 characters; $REQUESTS requests per row."
  echo "Training meanwhile: $RUN on the bundled sample (the run's own speed: $SPEED_BEFORE chars/s"
  echo "after 5 s, $SPEED_AFTER chars/s after the requests, its mean over the session so far)."
  echo
  echo "| server | clients at once | median ms | 90th percentile ms | worst ms |"
  echo "|---|---:|---:|---:|---:|"
  echo "| idle | 1 | $IDLE_ONE |"
  echo "| idle | 4 | $IDLE_FOUR |"
  echo "| training | 1 | $RUN_ONE |"
  echo "| training | 4 | $RUN_FOUR |"
} | tee "$OUT/live.md"

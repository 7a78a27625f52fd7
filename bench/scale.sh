#!/usr/bin/env bash
# make bench-scale: Pena on corpora larger than memory would hold read whole. For each size it
# generates a Portuguese-like corpus from the bundled sample (bench/synthetic_corpus.py),
# prepares it (pena corpus prepare), trains on the prepared folder for a short budget, and
# reports prepare time and MB/s, peak resident memory of each (/usr/bin/time -v), the token
# file's size, the time to the first training step, and training tokens/s.
#
#   SCALE_SIZES_MB   corpus sizes in MB (default "10 1000")
#   SCALE_MINUTES    training budget per size (default 1)
#   SCALE_LEVEL      char or word (default char)
#
# Writes bench/results/scale/scale.md and the logs beside it. Needs about 2.3 x the largest size
# in free disk (the corpus, its prepared folder).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SCALE_SIZES_MB:-"10 1000"}
MINUTES=${SCALE_MINUTES:-1}
LEVEL=${SCALE_LEVEL:-char}
OUT=bench/results/scale
PENA="java --add-modules jdk.incubator.vector -jar target/pena.jar"
mkdir -p "$OUT"
[ -f target/pena.jar ] || { echo "bench-scale: build first (make build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench-scale: installing GNU time"; apt-get install -y -qq time >/dev/null; }

peak_mb() { awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
elapsed_s() { awk '/Elapsed \(wall clock\)/ { n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s }' "$1"; }

table="$OUT/scale.md"
{
  echo "Scale benchmark, $(date -u +%Y-%m-%d), level $LEVEL, $(nproc) cores, training $MINUTES min per size."
  echo "Corpus: bench/synthetic_corpus.py (the bundled sample's sentences drawn at random into 1 MB files)."
  echo
  echo "| corpus | files | prepare s | prepare MB/s | prepare peak RSS MB | token file MB | first step s | train peak RSS MB | tokens/s |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$table"

for size in $SIZES; do
  corpus="$OUT/corpus-${size}mb"
  prepared="$OUT/prepared-${size}mb-$LEVEL"
  if [ ! -d "$corpus" ]; then
    python3 bench/synthetic_corpus.py --size-mb "$size" --out "$corpus"
  fi
  echo "== prepare ${size} MB"
  levelArgs="--level $LEVEL"
  /usr/bin/time -v -o "$OUT/prepare-${size}mb.time" $PENA corpus prepare "$corpus" --out "$prepared" $levelArgs \
    > "$OUT/prepare-${size}mb.log" 2>&1
  tail -2 "$OUT/prepare-${size}mb.log"
  prep_s=$(elapsed_s "$OUT/prepare-${size}mb.time")
  files=$(ls "$corpus" | wc -l)
  mbps=$(awk -v mb="$size" -v s="$prep_s" 'BEGIN { printf "%.1f", mb / s }')
  token_mb=$(du -m "$prepared/tokens.bin" | cut -f1)
  echo "== train ${size} MB"
  /usr/bin/time -v -o "$OUT/train-${size}mb.time" $PENA train --corpus "$prepared" $levelArgs --minutes "$MINUTES" \
    --out "$OUT/model-${size}mb" --force > "$OUT/train-${size}mb.log" 2>&1
  first=$(grep -o 'first window trained [0-9.]* s' "$OUT/train-${size}mb.log" | grep -o '[0-9.]*' | head -1)
  tps=$(grep '^RESULT' "$OUT/train-${size}mb.log" | grep -o '_per_s=[0-9]*' | cut -d= -f2)
  printf '| %s MB | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$size" "$files" "$prep_s" "$mbps" \
    "$(peak_mb "$OUT/prepare-${size}mb.time")" "$token_mb" "$first" "$(peak_mb "$OUT/train-${size}mb.time")" \
    "$tps" >> "$table"
done
cat "$table"

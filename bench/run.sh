#!/usr/bin/env bash
# make bench: Pena against the PyTorch peer (../shared/peers/charlm.py) on Dom Casmurro, one
# after the other (never at the same time: two busy programs on 2 cores slow each other 50x).
#
#   BENCH_MINUTES  training budget per run (default 10)
#   BENCH_CONFIGS  layers x hidden to run (default "2x256 3x256")
#   BENCH_CELLS    Pena cells (default "lstm")
#
# Writes bench/results/bench.md (the table) and one log per run beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES=${BENCH_MINUTES:-10}
CONFIGS=${BENCH_CONFIGS:-"2x256 3x256"}
CELLS=${BENCH_CELLS:-"lstm"}
CORPUS=../shared/corpora/machado/romance/domCasmurro.txt
PEER=../shared/peers/charlm.py
OUT=bench/results
PYTHON=/usr/bin/python3
mkdir -p "$OUT"

[ -f "$CORPUS" ] || { echo "bench: $CORPUS is missing; the benchmark needs ../shared/corpora" >&2; exit 1; }
[ -f "$PEER" ] || { echo "bench: $PEER is missing" >&2; exit 1; }
if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
  echo "bench: installing the peer's PyTorch and OpenBLAS from Debian (python3-torch libopenblas0-openmp)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-openmp >/dev/null
fi

field() { grep -o "$1=[^ ]*" | tail -1 | cut -d= -f2; }

table="$OUT/bench.md"
{
  echo "Dom Casmurro, one-hot characters, batch 32, TBPTT 64, ${MINUTES} min of training per run, $(nproc) cores, $(date -u +%Y-%m-%d)."
  echo "Validation BPC is exact (one stream, state carried through the whole split) for both."
  echo
  echo "| model | chars/s | ratio to peer | sampling ms/char | val BPC |"
  echo "|---|---:|---:|---:|---:|"
} > "$table"

for config in $CONFIGS; do
  layers=${config%x*}; hidden=${config#*x}
  echo "== peer lstm ${config}"
  "$PYTHON" "$PEER" --text "$CORPUS" --model lstm --layers "$layers" --hidden "$hidden" --batch 32 --bptt 64 \
    --threads 2 --minutes "$MINUTES" > "$OUT/peer-lstm-$config.log" 2>&1
  peer_line=$(grep '^RESULT' "$OUT/peer-lstm-$config.log")
  peer_cps=$(echo "$peer_line" | field chars_per_s)
  peer_bpc=$(echo "$peer_line" | field val_bpc)
  printf '| PyTorch peer LSTM %s | %s | 1.00 | | %.3f |\n' "$config" "$peer_cps" "$peer_bpc" >> "$table"

  for cell in $CELLS; do
    name="pena-$cell-$config"
    echo "== $name"
    java -jar target/pena.jar train --corpus "$CORPUS" --cell "$cell" --layers "$layers" --hidden "$hidden" \
      --batch 32 --tbptt 64 --minutes "$MINUTES" --out "$OUT/$name" --force > "$OUT/$name.log" 2>&1
    cps=$(grep '^RESULT' "$OUT/$name.log" | field chars_per_s)
    java -jar target/pena.jar evaluate --model "$OUT/$name.zip" > "$OUT/$name.eval.log" 2>&1
    bpc=$(grep '^RESULT' "$OUT/$name.eval.log" | field bpc)
    java -jar target/pena.jar sample --model "$OUT/$name.zip" --prime "Capitu " --length 500 --seed 1 \
      > "$OUT/$name.sample.txt" 2> "$OUT/$name.sample.log"
    ms=$(grep -o '[0-9.]* ms per character' "$OUT/$name.sample.log" | cut -d' ' -f1)
    ratio=$(awk -v a="$cps" -v b="$peer_cps" 'BEGIN { printf "%.2f", a / b }')
    printf '| Pena %s %s | %s | %s | %s | %.3f |\n' "$cell" "$config" "$cps" "$ratio" "$ms" "$bpc" >> "$table"
  done
done
echo
cat "$table"

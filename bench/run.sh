#!/usr/bin/env bash
# make bench: Pena against the PyTorch peer (../shared/peers/charlm.py) on Dom Casmurro, one
# run after the other (never at the same time: two busy programs on 2 cores slow each other 50x).
#
#   BENCH_MINUTES  training budget per run (default 10)
#   BENCH_CONFIGS  layers x hidden to run (default "2x256 3x256")
#   BENCH_CELLS    Pena cells (default "lstm gru dl4j-lstm"; rnn too, without a peer ratio); the
#                  peer runs the LSTM and, when gru is asked for, the GRU
#   BENCH_GFLOPS   the machine's matrix-multiply limit (default: measured here first, the best of
#                  five 2048x2048 float products by the peer's PyTorch on all cores)
#   BENCH_WORD_CELLS  word-level rows, Pena and ../shared/peers/wordlm.py on romance/, 2x256
#                  (default "lstm gru"; "" skips them)
#
# Writes bench/results/bench.md (the table) and one log per run beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES=${BENCH_MINUTES:-10}
CONFIGS=${BENCH_CONFIGS:-"2x256 3x256"}
CELLS=${BENCH_CELLS:-"lstm gru dl4j-lstm"}
GFLOPS=${BENCH_GFLOPS:-}
CORPUS=../shared/corpora/machado/romance/domCasmurro.txt
PEER=../shared/peers/charlm.py
WORD_CELLS=${BENCH_WORD_CELLS-"lstm gru"}
WORD_CORPUS=../shared/corpora/machado/romance
WORD_PEER=../shared/peers/wordlm.py
OUT=bench/results
PYTHON=/usr/bin/python3
# the JDK's vector API (incubating in Java 17) for the softmax's exponentials, as the Makefile runs Pena
PENA="java --add-modules jdk.incubator.vector -jar target/pena.jar"
# the peers train at a constant Adam rate: so does Pena here, said outright (its default too;
# the README reports the cosine schedule measured on its own)
SCHEDULE="--lr-schedule constant"
mkdir -p "$OUT"

[ -f "$CORPUS" ] || { echo "bench: $CORPUS is missing; the benchmark needs ../shared/corpora" >&2; exit 1; }
[ -f "$PEER" ] || { echo "bench: $PEER is missing" >&2; exit 1; }
[ -f target/pena.jar ] || { echo "bench: build first (make build)" >&2; exit 1; }
if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
  echo "bench: installing the peer's PyTorch and OpenBLAS from Debian (python3-torch libopenblas0-openmp)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-openmp >/dev/null
fi

# the GEMM share's denominator is this machine's own limit: machines drift by 2x (136 GFLOP/s on
# the one DESIGN.md measured, 229 on a later one), and a share over 1 means a wrong limit
if [ -z "$GFLOPS" ]; then
  GFLOPS=$("$PYTHON" - <<'PY'
import os, time, torch
torch.set_num_threads(os.cpu_count())
a, b = torch.randn(2048, 2048), torch.randn(2048, 2048)
torch.mm(a, b)
best = float("inf")
for _ in range(5):
    start = time.perf_counter()
    torch.mm(a, b)
    best = min(best, time.perf_counter() - start)
print(round(2 * 2048 ** 3 / best / 1e9))
PY
)
  echo "bench: this machine's float matrix-multiply limit: ${GFLOPS} GFLOP/s (torch.mm 2048x2048)"
fi

field() { grep -o "$1=[^ ]*" | tail -1 | cut -d= -f2; }
# training FLOPs per character: forward 2 per weight of the matrix products, backward twice that
gemm_share() { awk -v cps="$1" -v params="$2" -v g="$GFLOPS" 'BEGIN { printf "%.2f", cps * 6 * params / (g * 1e9) }'; }

table="$OUT/bench.md"
{
  echo "Dom Casmurro, one-hot characters, batch 32, TBPTT 64, ${MINUTES} min of training per run, $(nproc) cores, $(date -u +%Y-%m-%d)."
  echo "Ratio: chars/s over the peer's for the same cell. GEMM share: chars/s x 6 x parameters / ${GFLOPS} GFLOP/s (this machine's limit, measured)."
  echo "Validation BPC is exact for both (one stream, state carried through the whole held-out split)."
  echo
  echo "| model | chars/s | ratio to peer | GEMM share | sampling ms/char | val BPC |"
  echo "|---|---:|---:|---:|---:|---:|"
} > "$table"

for config in $CONFIGS; do
  layers=${config%x*}; hidden=${config#*x}
  declare -A peer_cps=()
  for peer_cell in lstm gru; do
    if [ "$peer_cell" = gru ] && [[ " $CELLS " != *" gru "* ]]; then continue; fi
    echo "== peer $peer_cell $config"
    "$PYTHON" "$PEER" --text "$CORPUS" --model "$peer_cell" --layers "$layers" --hidden "$hidden" --batch 32 \
      --bptt 64 --threads 2 --minutes "$MINUTES" > "$OUT/peer-$peer_cell-$config.log" 2>&1
    line=$(grep '^RESULT' "$OUT/peer-$peer_cell-$config.log")
    peer_cps[$peer_cell]=$(echo "$line" | field chars_per_s)
    printf '| PyTorch %s %s | %s | 1.00 | %s | | %.3f |\n' "$peer_cell" "$config" "${peer_cps[$peer_cell]}" \
      "$(gemm_share "${peer_cps[$peer_cell]}" "$(echo "$line" | field params)")" \
      "$(echo "$line" | field val_bpc)" >> "$table"
  done

  for cell in $CELLS; do
    name="pena-$cell-$config"
    echo "== $name"
    $PENA train $SCHEDULE --corpus "$CORPUS" --cell "$cell" --layers "$layers" --hidden "$hidden" \
      --batch 32 --tbptt 64 --minutes "$MINUTES" --out "$OUT/$name" --force > "$OUT/$name.log" 2>&1
    line=$(grep '^RESULT' "$OUT/$name.log")
    cps=$(echo "$line" | field chars_per_s)
    $PENA evaluate --model "$OUT/$name.zip" > "$OUT/$name.eval.log" 2>&1
    bpc=$(grep '^RESULT' "$OUT/$name.eval.log" | field bpc)
    $PENA sample --model "$OUT/$name.zip" --prime "Capitu " --length 2000 --seed 1 \
      > "$OUT/$name.sample.txt" 2> "$OUT/$name.sample.log"
    ms=$(grep -o '[0-9.]* ms per character' "$OUT/$name.sample.log" | cut -d' ' -f1)
    if [ "$cell" = rnn ]; then
      ratio="—" # the peer has no plain RNN: a ratio against its LSTM would compare different jobs
    else
      peer=${peer_cps[${cell#dl4j-}]:-${peer_cps[lstm]}}
      ratio=$(awk -v a="$cps" -v b="$peer" 'BEGIN { printf "%.2f", a / b }')
    fi
    printf '| Pena %s %s | %s | %s | %s | %s | %.3f |\n' "$cell" "$config" "$cps" "$ratio" \
      "$(gemm_share "$cps" "$(echo "$line" | field params)")" "$ms" "$bpc" >> "$table"
  done
done
# Word level: the default word model of each (embedding 128, vocabulary 10 000, batch 16, TBPTT 32).
if [ -n "$WORD_CELLS" ]; then
  {
    echo
    echo "Word level: ${WORD_CORPUS#../shared/corpora/}, embedding 128, vocabulary 10,000, batch 16, TBPTT 32, 2x256, ${MINUTES} min of training per run."
    echo "Ratio: tokens/s over the peer's for the same cell. Validation perplexity per word and BPC over the held-out characters, both exact."
    echo
    echo "| model | tokens/s | ratio to peer | val perplexity | val BPC |"
    echo "|---|---:|---:|---:|---:|"
  } >> "$table"
  for cell in $WORD_CELLS; do
    echo "== word peer $cell 2x256"
    "$PYTHON" "$WORD_PEER" --text "$WORD_CORPUS" --model "$cell" --layers 2 --hidden 256 --threads 2 \
      --minutes "$MINUTES" > "$OUT/word-peer-$cell.log" 2>&1
    line=$(grep '^RESULT' "$OUT/word-peer-$cell.log")
    peer=$(echo "$line" | field tokens_per_s)
    printf '| PyTorch word %s 2x256 | %s | 1.00 | %.1f | %.3f |\n' "$cell" "$peer" "$(echo "$line" | field val_ppl)" \
      "$(echo "$line" | field val_bpc)" >> "$table"
    name="pena-word-$cell-2x256"
    echo "== $name"
    $PENA train $SCHEDULE --corpus "$WORD_CORPUS" --level word --cell "$cell" --layers 2 --hidden 256 \
      --minutes "$MINUTES" --out "$OUT/$name" --force > "$OUT/$name.log" 2>&1
    tps=$(grep '^RESULT' "$OUT/$name.log" | tail -1 | field tokens_per_s)
    $PENA evaluate --model "$OUT/$name.zip" > "$OUT/$name.eval.log" 2>&1
    eval=$(grep '^RESULT' "$OUT/$name.eval.log")
    ratio=$(awk -v a="$tps" -v b="$peer" 'BEGIN { printf "%.2f", a / b }')
    printf '| Pena word %s 2x256 | %s | %s | %.1f | %.3f |\n' "$cell" "$tps" "$ratio" "$(echo "$eval" | field perplexity)" \
      "$(echo "$eval" | field bpc)" >> "$table"
  done
fi
echo
cat "$table"

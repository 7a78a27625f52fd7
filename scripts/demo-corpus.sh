#!/usr/bin/env bash
# The corpus `make demo` trains on, printed on stdout: Dom Casmurro and Memórias Póstumas de Brás
# Cubas (downloaded on request by `pena corpus fetch`, into corpora/downloads/, and copied together
# into corpora/demo/), enough text for a model to write words; offline, or when a download fails,
# the bundled sample corpora/amostra, said in one line on stderr.
#
#   PENA  the command that runs Pena (default: java --add-modules jdk.incubator.vector -jar target/pena.jar)
set -uo pipefail
PENA=${PENA:-"java --add-modules jdk.incubator.vector -jar target/pena.jar"}
demo=corpora/demo
if $PENA corpus fetch domcasmurro >&2 && $PENA corpus fetch brascubas >&2; then
  mkdir -p "$demo"
  cp corpora/downloads/domcasmurro.txt corpora/downloads/brascubas.txt "$demo"/
  echo "$demo"
else
  echo "demo: Dom Casmurro and Brás Cubas could not be downloaded (offline?); training on the bundled sample, corpora/amostra" >&2
  echo corpora/amostra
fi

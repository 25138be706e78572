#!/usr/bin/env bash
# Converts and scores every truth set beside the repo (../shared/corpus/dev, its scans,
# ../shared/corpus/real-truth) with the shared scorer, and prints one table.
# Run it before and after a change: no document may go down for another to go up.
#   scripts/score.sh [-v] [--keep DIR]     -v: every document's misses; --keep: leave outputs in DIR
set -euo pipefail
cd "$(dirname "$0")/.."
verbose=""; keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    -v) verbose="-v" ;;
    --keep) keep="$2"; shift ;;
    *) echo "usage: scripts/score.sh [-v] [--keep DIR]" >&2; exit 2 ;;
  esac
  shift
done
shared=$(cd ../shared 2>/dev/null && pwd) || { echo "score: ../shared is not beside the repo; nothing to score" >&2; exit 0; }
source scripts/setup.sh
swift build -c release 2>&1 | grep -E "error|Compiling|Build complete" | grep -v Compiling || true
bin=.build/release/minutes
out=${keep:-$(mktemp -d)}
mkdir -p "$out/dev" "$out/real"
"$bin" convert "$shared"/corpus/dev/*.pdf --out "$out/dev" --quiet --force || true
real=()
for t in "$shared"/corpus/real-truth/*.truth.json; do
  n=$(basename "$t" .truth.json)
  f=$(find "$shared/corpus/real" -name "$n.pdf" | head -n 1)
  [ -n "$f" ] && real+=("$f")
done
"$bin" convert "${real[@]}" --out "$out/real" --quiet --force || true
score() { python3 "$shared/eval/score.py" "$@"; }
echo "== dev, text layer"; score --truth "$shared/corpus/dev" --out "$out/dev" --exclude '*-scan' $verbose
echo "== dev, scans";      score --truth "$shared/corpus/dev" --out "$out/dev" --only '*-scan' $verbose
echo "== real-truth, without motions"; score --truth "$shared/corpus/real-truth" --out "$out/real" --ignore-motions $verbose
echo "== real-truth, with motions where listed"; score --truth "$shared/corpus/real-truth" --out "$out/real" | tail -n 1
[ -n "$keep" ] || rm -rf "$out"

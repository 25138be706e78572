#!/usr/bin/env bash
# Scores minutes on invented documents nobody tuned on (scripts/heldout/: ten PDFs written from
# the layout families of real minutes, two of them as skewed scans, with their truth). A measure,
# not a target: never change a reader to fit these; fix the family, then check here.
#   scripts/heldout.sh [-v] [--keep DIR]      needs python3 with reportlab and Pillow, and pdftoppm
set -euo pipefail
cd "$(dirname "$0")/.."
verbose=""; keep=""
while [ $# -gt 0 ]; do
  case "$1" in -v) verbose="-v" ;; --keep) keep="$2"; shift ;; *) echo "usage: scripts/heldout.sh [-v] [--keep DIR]" >&2; exit 2 ;; esac
  shift
done
python3 -c "import reportlab, PIL" 2>/dev/null || { echo "heldout: needs reportlab and Pillow (pip install reportlab)" >&2; exit 2; }
command -v pdftoppm >/dev/null || { echo "heldout: needs pdftoppm (apt-get install poppler-utils)" >&2; exit 2; }
scorer=../shared/eval/score.py
[ -f "$scorer" ] || { echo "heldout: ../shared/eval/score.py is not beside the repo" >&2; exit 2; }
work=${keep:-$(mktemp -d)}; mkdir -p "$work/docs" "$work/out"
for f in docs_a docs_b docs_c scan; do (cd scripts/heldout && HELDOUT_OUT="$work/docs" python3 "$f.py"); done
source scripts/setup.sh
swift build -c release 2>&1 | grep -E "error|Build complete" || true
.build/release/minutes convert "$work"/docs/*.pdf --out "$work/out" --quiet --force || true
echo "== held-out, without motions"; python3 "$scorer" --truth "$work/docs" --out "$work/out" --ignore-motions $verbose
echo "== held-out, with motions where listed"; python3 "$scorer" --truth "$work/docs" --out "$work/out" | tail -n 1
[ -n "$keep" ] || rm -rf "$work"

#!/usr/bin/env bash
# OCR benchmark: seconds per page of our pipeline (render + orientation + deskew + OCR +
# every later stage) against the tesseract CLI on the same pages rendered at the same
# dpi. Prints figures; it is not a test and asserts nothing.
#
#   scripts/bench-ocr.sh [DIR-OR-PDF...]      default: ../shared/corpus/dev/*-scan.pdf
#   MINUTES_BIN=path (default .build/release/minutes, built if missing)
#   DPI=300: what the CLI's page images are rendered at; keep it equal to the pipeline's dpi
#
# The CLI runs with OMP_THREAD_LIMIT=1, its fastest setting on small machines (its
# OpenMP threads spin against each other: about 4x slower on 2 cores), and the same
# setting our engine forces on itself. Wall time is shared with whatever else runs, so
# the CPU time (user + sys) is printed too and its ratio is the steadier figure.
set -euo pipefail
cd "$(dirname "$0")/.."

DPI=${DPI:-300}
BIN=${MINUTES_BIN:-.build/release/minutes}

need=()
command -v tesseract >/dev/null || need+=(tesseract-ocr)
command -v pdftoppm >/dev/null && command -v pdfinfo >/dev/null || need+=(poppler-utils)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]}" >&2
    apt-get install -y "${need[@]}" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "${need[@]}" >/dev/null; }
fi
if [ ! -x "$BIN" ]; then
    echo "building $BIN" >&2
    swift build -c release >/dev/null
fi

files=()
if [ $# -eq 0 ]; then set -- ../shared/corpus/dev; fi
for a in "$@"; do
    if [ -d "$a" ]; then
        for f in "$a"/*-scan.pdf; do [ -e "$f" ] && files+=("$f"); done
    else
        files+=("$a")
    fi
done
[ ${#files[@]} -gt 0 ] || { echo "no scan PDFs found in: $*" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Runs a command, appends "wall cpu" seconds to $tmp/t.
timed() { /usr/bin/time -f "%e %U %S" -o "$tmp/one" "$@" >/dev/null 2>&1 || true; awk '{printf "%s %.2f\n", $1, $2 + $3}' "$tmp/one" >> "$tmp/t"; }
sum() { awk -v c="$1" '{s += $c} END {printf "%.2f", s}' "$tmp/t"; }

printf "%-48s %5s  %9s %9s %6s  %9s %9s %6s  %5s\n" "document" "pages" "ours s/p" "cli s/p" "ratio" "ours cpu" "cli cpu" "ratio" "conf"
T_PAGES=0; T_OW=0; T_OC=0; T_CW=0; T_CC=0
for f in "${files[@]}"; do
    name=$(basename "$f" .pdf)
    pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
    [ -n "$pages" ] && [ "$pages" -gt 0 ] || { echo "$name: not a readable PDF, skipped" >&2; continue; }

    : > "$tmp/t"
    rm -rf "$tmp/out"; mkdir -p "$tmp/out"
    timed "$BIN" convert "$f" --out "$tmp/out"
    ow=$(sum 1); oc=$(sum 2)
    conf=$(python3 -c 'import json, sys
c = json.load(open(sys.argv[1])).get("source", {}).get("ocrConfidence")
print("%.3f" % c if c is not None else "-")' "$tmp/out/$name.json" 2>/dev/null || echo "-")

    rm -f "$tmp"/page-*.pgm
    pdftoppm -r "$DPI" -gray "$f" "$tmp/page"
    : > "$tmp/t"
    for img in "$tmp"/page-*.pgm; do
        OMP_THREAD_LIMIT=1 timed tesseract "$img" -
    done
    cw=$(sum 1); cc=$(sum 2)

    awk -v n="$name" -v p="$pages" -v ow="$ow" -v oc="$oc" -v cw="$cw" -v cc="$cc" -v conf="$conf" 'BEGIN {
        printf "%-48s %5d  %9.2f %9.2f %6.2f  %9.2f %9.2f %6.2f  %5s\n", n, p, ow/p, cw/p, (cw > 0 ? ow/cw : 0), oc/p, cc/p, (cc > 0 ? oc/cc : 0), conf }'
    T_PAGES=$((T_PAGES + pages))
    T_OW=$(awk -v a="$T_OW" -v b="$ow" 'BEGIN {print a + b}'); T_OC=$(awk -v a="$T_OC" -v b="$oc" 'BEGIN {print a + b}')
    T_CW=$(awk -v a="$T_CW" -v b="$cw" 'BEGIN {print a + b}'); T_CC=$(awk -v a="$T_CC" -v b="$cc" 'BEGIN {print a + b}')
done
awk -v p="$T_PAGES" -v ow="$T_OW" -v oc="$T_OC" -v cw="$T_CW" -v cc="$T_CC" 'BEGIN {
    if (p == 0) exit
    printf "%-48s %5d  %9.2f %9.2f %6.2f  %9.2f %9.2f %6.2f\n", "all", p, ow/p, cw/p, (cw > 0 ? ow/cw : 0), oc/p, cc/p, (cc > 0 ? oc/cc : 0)
    printf "target: ours / cli <= 1.15 (dpi %s)\n", '"$DPI"' }'

#!/usr/bin/env bash
# Review-page figures. A benchmark: it prints numbers and never fails on one.
#
#   scripts/bench-review.sh [DIR…]     (default ../shared/corpus/dev ../shared/corpus/real)
#
# Every PDF under each DIR is converted once (one batch per DIR, --jobs 2; the JSON is kept
# in $WORK, so a second run reuses it unless FORCE=1), then its review page is written from
# that JSON by `minutes review`, one process per document, timed alone. Per document it
# prints the pages, the review's seconds per page of PDF (drawing every page through
# poppler/cairo, encoding, writing the HTML; process start-up included), the conversion's
# seconds per page (from the batch's own log: two files at once, so an upper bound), their
# sum, and the page's size in MB per page of PDF. The last lines give the worst and the mean
# of each against the targets: under 2 s and under 2 MB per page.
#
# Environment: WORK (/tmp/minutes-bench-review), FORCE (0), FORMAT (jpeg), DPI (110).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-/tmp/minutes-bench-review}
FORCE=${FORCE:-0}
FORMAT=${FORMAT:-jpeg}
DPI=${DPI:-110}
dirs=("$@")
[ ${#dirs[@]} -eq 0 ] && dirs=(../shared/corpus/dev ../shared/corpus/real)
source scripts/setup.sh
swift build -c release --product minutes 2>&1 | grep -E "error|Build complete" || true
bin=.build/release/minutes
mkdir -p "$WORK"
rows="$WORK/rows.tsv"
: > "$rows"

for dir in "${dirs[@]}"; do
  [ -d "$dir" ] || { echo "bench: $dir is not a folder; skipped" >&2; continue; }
  tag=$(basename "$dir")
  json="$WORK/json-$tag"
  log="$WORK/convert-$tag.log"
  force=(); [ "$FORCE" = 1 ] && force=(--force)
  start=$(date +%s.%N)
  "$bin" convert "$dir" --out "$json" --jobs 2 "${force[@]}" 2> "$log.new" || true
  end=$(date +%s.%N)
  # Keep the per-file times of the run that converted them (a resumed run skips).
  if grep -q ": converted, " "$log.new"; then mv "$log.new" "$log"; else rm -f "$log.new"; fi
  echo "bench: $tag converted in $(python3 -c "print(f'{$end - $start:.1f}')") s ($(tail -n 1 "$log" 2>/dev/null | sed 's/^minutes: //'))" >&2
  while IFS= read -r -d '' pdf; do
    rel=${pdf#"$dir"/}
    base=${rel%.*}
    j="$json/$base.json"
    [ -f "$j" ] || { echo "bench: no JSON for $rel (the conversion failed); skipped" >&2; continue; }
    out="$WORK/review-$tag/$(dirname "$rel")"
    mkdir -p "$out"
    t0=$(date +%s.%N)
    "$bin" review "$j" --source "$(dirname "$pdf")" --out "$out" --image-format "$FORMAT" --image-dpi "$DPI" --quiet || true
    t1=$(date +%s.%N)
    html="$out/$(basename "$base").html"
    [ -f "$html" ] || { echo "bench: no review page for $rel" >&2; continue; }
    pages=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["source"]["pages"])' "$j")
    bytes=$(stat -c %s "$html")
    conv=$(grep -F "/$rel: converted, " "$log" 2>/dev/null | sed -E 's/.* pages in ([0-9.]+) s.*/\1/' | tail -n 1)
    printf '%s\t%s\t%s\t%s\t%s\n' "$tag/$rel" "$pages" "$(python3 -c "print($t1 - $t0)")" "${conv:-}" "$bytes" >> "$rows"
  done < <(find "$dir" -name '*.pdf' -print0 | sort -z)
done

python3 - "$rows" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
if not rows:
    print("no documents"); sys.exit(0)
print(f"{'document':64} {'pages':>5} {'review s/p':>10} {'conv s/p':>9} {'total s/p':>9} {'MB/page':>8}")
rev, conv, tot, size, pages_all = [], [], [], [], 0
for name, pages, secs, c, b in rows:
    p = max(1, int(pages)); pages_all += p
    r = float(secs) / p; m = int(b) / p / 1e6
    cp = float(c) / p if c else None
    t = r + (cp or 0)
    rev.append(r); size.append(m); tot.append(t)
    if cp is not None: conv.append(cp)
    print(f"{name[-64:]:64} {p:5d} {r:10.3f} {(f'{cp:9.3f}' if cp is not None else '        -')} {t:9.3f} {m:8.3f}")
def stat(xs): return (max(xs), sum(xs) / len(xs)) if xs else (float('nan'), float('nan'))
print(f"\n{len(rows)} documents, {pages_all} pages")
print("worst / mean per page of PDF:")
print(f"  review page written (from JSON): {stat(rev)[0]:.3f} / {stat(rev)[1]:.3f} s   (target < 2 s)")
print(f"  conversion (batch log, 2 at once): {stat(conv)[0]:.3f} / {stat(conv)[1]:.3f} s")
print(f"  conversion + review: {stat(tot)[0]:.3f} / {stat(tot)[1]:.3f} s   (target < 2 s)")
print(f"  page size: {stat(size)[0]:.3f} / {stat(size)[1]:.3f} MB   (target < 2 MB)")
PY

#!/usr/bin/env bash
# Batch throughput figures. A benchmark: it prints numbers and never fails on one.
#
#   scripts/bench-batch.sh [CORPUS_DIR]        (default ../shared/corpus/dev)
#
# 1. pages per second over the corpus with --jobs 1 and --jobs 2, and the speed-up on the
#    scans (OCR-bound, where a second worker should help);
# 2. pipeline time / `pdftotext -bbox-layout` time on the text PDFs (target <= 1.5x):
#    one process per file (start-up included: loading poppler, tesseract and their ~90
#    libraries), one batch per round, and one batch over every round's files (an archive
#    run, start-up paid once), with the time in each stage;
# 3. peak memory for a batch of at least 500 pages: documents are converted in worker
#    processes, so the figure is the sum over the process tree (the batch and its
#    workers), sampled every 0.1 s: resident set (shared library pages counted once per
#    process, the stricter figure) and proportional set (shared pages split between them).
#
# Environment: BAD_DIR (default ../shared/corpus/bad, for long-360-pages.pdf),
# CONFIG (release), SCRATCH (.build-bench), REPEAT (text-PDF repeats, 5),
# SCAN_ROUNDS (alternating --jobs 1 / --jobs 2 rounds over the scans, 2),
# SCAN_CEILING (1: each scan round also runs two --jobs 1 processes side by side, what
# the machine itself gives two workers; 0 skips it), ARCHIVE_COPIES (copies of each
# text PDF in the archive run, 20), ARCHIVE_ROUNDS (alternating archive rounds, 3).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-${CORPUS:-../shared/corpus/dev}}
BAD_DIR=${BAD_DIR:-../shared/corpus/bad}
CONFIG=${CONFIG:-release}
SCRATCH=${SCRATCH:-.build-bench}
REPEAT=${REPEAT:-5}
SCAN_ROUNDS=${SCAN_ROUNDS:-2}
SCAN_CEILING=${SCAN_CEILING:-1}
ARCHIVE_COPIES=${ARCHIVE_COPIES:-20}
ARCHIVE_ROUNDS=${ARCHIVE_ROUNDS:-3}

need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "bench: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "bench: building minutes ($CONFIG)" >&2
swift build -c "$CONFIG" --scratch-path "$SCRATCH" --product minutes --static-swift-stdlib 2>&1 | grep -E "error:|Build complete" >&2 || true
BIN="$(swift build -c "$CONFIG" --scratch-path "$SCRATCH" --static-swift-stdlib --show-bin-path)/minutes"
[ -x "$BIN" ] || { echo "bench: no binary at $BIN" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
# Pages a batch converted, from its summary line ("… 58 pages in 00:12 …").
pages_of() { sed -n 's/.*; \([0-9]*\) pages in .*/\1/p' "$1" | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# One timed batch: prints "SECONDS PAGES".
batch() {
  local jobs=$1 out=$2; shift 2
  rm -rf "$out"
  local t0 t1
  t0=$(now)
  "$BIN" convert "$@" --out "$out" --jobs "$jobs" --force 2>"$out.log" || true
  t1=$(now)
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }') $(pages_of "$out.log")"
}

mapfile -t ALL < <(find "$CORPUS" -maxdepth 1 -name '*.pdf' | sort)
mapfile -t SCANS < <(printf '%s\n' "${ALL[@]}" | grep -- '-scan\.pdf$' || true)
mapfile -t TEXTS < <(printf '%s\n' "${ALL[@]}" | grep -v -- '-scan\.pdf$' || true)
echo "corpus: $CORPUS (${#ALL[@]} PDFs: ${#TEXTS[@]} text, ${#SCANS[@]} scans); $(nproc) cores; binary $BIN"
echo

echo "== 1. throughput (default pipeline) =="
for jobs in 1 2; do
  read -r s p < <(batch "$jobs" "$WORK/all-$jobs" "${ALL[@]}")
  printf '  whole corpus  --jobs %d: %4s pages in %7.2f s = %6.2f pages/s\n' "$jobs" "${p:-0}" "$s" "$(ratio "${p:-0}" "$s")"
done
if [ ${#SCANS[@]} -gt 0 ]; then
  # The machine's own speed drifts by a fifth over minutes (shared cores): the two job
  # counts alternate, SCAN_ROUNDS pairs, and the speed-up is taken over the sums.
  sum1=0; sum2=0; sumpair=0; pages=0
  for r in $(seq "$SCAN_ROUNDS"); do
    read -r s1 p1 < <(batch 1 "$WORK/scan-1" "${SCANS[@]}")
    read -r s2 p2 < <(batch 2 "$WORK/scan-2" "${SCANS[@]}")
    line=$(printf '  scans only, round %d: --jobs 1 %4s pages in %7.2f s; --jobs 2 in %7.2f s = %sx' "$r" "${p1:-0}" "$s1" "$s2" "$(ratio "$s1" "$s2")")
    if [ "$SCAN_CEILING" = 1 ]; then
      # The control: two independent single-job processes over the same scans at once.
      # Nothing is shared between them but the machine, so 2 x (one alone) / (the pair)
      # is the most any two workers can get here.
      t0=$(now)
      batch 1 "$WORK/scan-a" "${SCANS[@]}" >/dev/null &
      batch 1 "$WORK/scan-b" "${SCANS[@]}" >/dev/null
      wait
      t1=$(now)
      sp=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
      line="$line; two --jobs 1 side by side in $(printf '%.2f' "$sp") s = $(awk -v a="$s1" -v b="$sp" 'BEGIN { printf "%.2f", 2 * a / b }')x"
      sumpair=$(awk -v a="$sumpair" -v b="$sp" 'BEGIN { printf "%.3f", a + b }')
    fi
    echo "$line"
    sum1=$(awk -v a="$sum1" -v b="$s1" 'BEGIN { printf "%.3f", a + b }')
    sum2=$(awk -v a="$sum2" -v b="$s2" 'BEGIN { printf "%.3f", a + b }')
    pages=$((pages + ${p1:-0}))
  done
  printf '  scans only    --jobs 1: %6.2f pages/s\n' "$(ratio "$pages" "$sum1")"
  printf '  scans only    --jobs 2: %6.2f pages/s\n' "$(ratio "$pages" "$sum2")"
  if [ "$SCAN_CEILING" = 1 ]; then
    ceiling=$(awk -v a="$sum1" -v b="$sumpair" 'BEGIN { printf "%.2f", 2 * a / b }')
    echo "  the machine's own ceiling, two --jobs 1 processes side by side: ${ceiling}x"
    echo "  --jobs 2 reaches $(awk -v a="$sum1" -v b="$sum2" -v c="$ceiling" 'BEGIN { printf "%.0f", 100 * a / b / c }')% of that ceiling"
  fi
  echo "  speed-up on scans, 2 jobs over 1: $(ratio "$sum1" "$sum2")x (target >= 1.8x)"
fi
echo

echo "== 2. text PDFs: pipeline vs pdftotext -bbox-layout ($REPEAT rounds, 1 job) =="
# Rounds alternate the tools, so a noisy neighbour on a shared machine slows both alike.
if [ ${#TEXTS[@]} -gt 0 ]; then
  pdft=0; pipe=0; inproc=0
  add() { awk -v a="$1" -v b="$2" -v c="$3" 'BEGIN { printf "%.3f", a + (c - b) }'; }
  for r in $(seq "$REPEAT"); do
    t0=$(now)
    for f in "${TEXTS[@]}"; do pdftotext -bbox-layout "$f" "$WORK/bbox.html" 2>/dev/null || true; done
    t1=$(now)
    for f in "${TEXTS[@]}"; do "$BIN" convert "$f" --stdout --pipeline text-only >/dev/null 2>&1 || true; done
    t2=$(now)
    "$BIN" convert "${TEXTS[@]}" --out "$WORK/text-$r" --jobs 1 --force --pipeline text-only -v 2>"$WORK/text-$r.log" || true
    t3=$(now)
    pdft=$(add "$pdft" "$t0" "$t1"); pipe=$(add "$pipe" "$t1" "$t2"); inproc=$(add "$inproc" "$t2" "$t3")
  done
  # An archive run: ARCHIVE_COPIES copies of each file in one batch, start-up paid once;
  # rounds alternate the tools and the ratio is taken over the sums.
  COPIES="$WORK/text-copies"
  mkdir -p "$COPIES"
  for r in $(seq "$ARCHIVE_COPIES"); do for f in "${TEXTS[@]}"; do cp "$f" "$COPIES/r$r-$(basename "$f")"; done; done
  apdft=0; apipe=0; arounds=""
  for r in $(seq "$ARCHIVE_ROUNDS"); do
    t0=$(now)
    for f in "$COPIES"/*.pdf; do pdftotext -bbox-layout "$f" "$WORK/bbox.html" 2>/dev/null || true; done
    t1=$(now)
    "$BIN" convert "$COPIES" --out "$WORK/copies-out" --jobs 1 --force --pipeline text-only -q 2>/dev/null || true
    t2=$(now)
    apdft=$(add "$apdft" "$t0" "$t1"); apipe=$(add "$apipe" "$t1" "$t2")
    arounds="$arounds $(awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "%.2fx", (c - b) / (b - a) }')"
  done
  acount=$(( ${#TEXTS[@]} * ARCHIVE_COPIES ))
  n=$(( ${#TEXTS[@]} * REPEAT ))
  echo "  pdftotext -bbox-layout, one process per file:  ${pdft} s ($n files)"
  echo "  minutes (text-only),    one process per file:  ${pipe} s  -> $(ratio "$pipe" "$pdft")x"
  echo "  minutes (text-only),    one batch per round:   ${inproc} s  -> $(ratio "$inproc" "$pdft")x"
  echo "  archive run, $acount files, $ARCHIVE_ROUNDS rounds:  pdftotext ${apdft} s; minutes, one batch a round ${apipe} s  -> $(ratio "$apipe" "$apdft")x (target <= 1.5x; rounds:$arounds)"
  echo "  where the time goes (seconds over the per-round batches, from --verbose):"
  cat "$WORK"/text-*.log | awk '/\[debug\].*: [a-z-]+ [0-9.]+ s$/ { t[$(NF-2)] += $(NF-1); all += $(NF-1) }
    END { for (s in t) printf "    %-20s %7.3f\n", s, t[s]; printf "    %-20s %7.3f  -> %.2fx pdftotext\n", "(all stages)", all, all / '"$pdft"' }' | sort -k2 -nr
fi
echo

echo "== 3. peak memory for a batch of 500+ pages (--jobs 2) =="
BIG="$WORK/big"
mkdir -p "$BIG"
[ -f "$BAD_DIR/long-360-pages.pdf" ] && cp "$BAD_DIR/long-360-pages.pdf" "$BIG/"
for f in "${ALL[@]}"; do cp "$f" "$BIG/"; done
# Top up with copies of the text PDFs until the batch has at least 500 pages.
pages_in() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
total=0
for f in "$BIG"/*.pdf; do total=$((total + $(pages_in "$f"))); done
round=1
while [ "$total" -lt 500 ] && [ ${#TEXTS[@]} -gt 0 ]; do
  for f in "${TEXTS[@]}"; do
    cp "$f" "$BIG/copy$round-$(basename "$f")"
    total=$((total + $(pages_in "$f")))
  done
  round=$((round + 1))
done
rm -rf "$WORK/big-out"
# Sum of VmRSS and of Pss over a process and its children, every 0.1 s while it runs;
# prints "peak-RSS-sum peak-PSS-sum largest-single-RSS" in KiB.
tree_peak() {
  local root=$1 prss=0 ppss=0 pone=0
  while kill -0 "$root" 2>/dev/null; do
    local rss=0 pss=0 one=0 r s
    for p in $root $(ps -o pid= --ppid "$root" 2>/dev/null); do
      # A worker retired between `ps` and here has no /proc entry: it counts nothing.
      r=$(awk '/^VmRSS:/ { print $2 }' "/proc/$p/status" 2>/dev/null || true); r=${r:-0}
      s=$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || true); s=${s:-0}
      rss=$((rss + r)); pss=$((pss + s)); [ "$r" -gt "$one" ] && one=$r
    done
    [ "$rss" -gt "$prss" ] && prss=$rss
    [ "$pss" -gt "$ppss" ] && ppss=$pss
    [ "$one" -gt "$pone" ] && pone=$one
    sleep 0.1
  done
  echo "$prss $ppss $pone"
}
t0=$(now)
"$BIN" convert "$BIG" --out "$WORK/big-out" --jobs 2 --force 2>"$WORK/big.log" &
big=$!
read -r rss pss one < <(tree_peak "$big")
wait "$big" || true
t1=$(now)
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
echo "  $(ls "$BIG" | wc -l) files, $total pages (pdfinfo); $(pages_of "$WORK/big.log") pages converted in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s"
echo "  peak RSS, the batch and its workers together: $rss KiB ($(mib "$rss") MiB; target < 300 MB); proportional (PSS): $(mib "$pss") MiB; largest one process: $(mib "$one") MiB"
grep -E 'converted.*failed' "$WORK/big.log" | tail -1 | sed 's/^/  summary: /'

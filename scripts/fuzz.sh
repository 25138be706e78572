#!/usr/bin/env bash
# Fuzzes what a hostile input reaches (sniffing, the text pipeline, page drawing, image
# headers and decoding) with libFuzzer and AddressSanitizer: a fuzz run, not a test.
# The first build of the instrumented target takes 10 minutes or more on 2 cores, and each
# run first reads the corpus grown so far once (a minute or two), on top of SECONDS.
#
#   scripts/fuzz.sh [SECONDS]          (default 300)
#
# Seeds: ../shared/corpus/dev and bad (when there), the test fixtures, and the regression
# inputs in Tests/MinutesTests/Fixtures/fuzz. The growing corpus and whatever libFuzzer
# finds (crash-*, timeout-*, oom-*) stay in $SCRATCH (default .build-fuzz). Each finding
# is then run through `minutes convert` (a worker: what a user would get) and marked NEW
# unless the same bytes are already a regression input in Tests/MinutesTests/Fixtures/fuzz
# (add it there with NAME.expect: the outcome it must now give; FuzzRegressionTests check).
# Exit status: 0 when nothing new was found, 1 when something was.
#
# Environment: SCRATCH (.build-fuzz), MAX_SEED_BYTES (3145728), TIMEOUT (30 s an input),
# JOBS (1: parallel fuzzing processes; the machine is shared).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-300}
SCRATCH=${SCRATCH:-.build-fuzz}
MAX_SEED_BYTES=${MAX_SEED_BYTES:-3145728}
TIMEOUT=${TIMEOUT:-30}
JOBS=${JOBS:-1}
source scripts/setup.sh
mkdir -p "$SCRATCH" && SCRATCH=$(cd "$SCRATCH" && pwd)

# libFuzzer's coverage instrumentation and AddressSanitizer, with libFuzzer's library linked
# without its main (-sanitize=fuzzer would bring one, clashing with SwiftPM's renamed one):
# the target's own main hands over to LLVMFuzzerRunDriver.
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
FUZZLIB=$(find "$toolchain/lib" -name 'libclang_rt.fuzzer_no_main-x86_64.a' | head -n 1)
[ -n "$FUZZLIB" ] || { echo "fuzz: libFuzzer (libclang_rt.fuzzer_no_main) not found in $toolchain" >&2; exit 2; }
echo "fuzz: building the fuzz target (release, address sanitizer, libFuzzer coverage) in $SCRATCH" >&2
swift build -c release --scratch-path "$SCRATCH" --product minutes-fuzz \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
  -Xswiftc -DMINUTES_LIBFUZZER -Xlinker "$FUZZLIB" -Xlinker -lstdc++ 2>&1 | grep -E "error:|Build|Compiling minutes" >&2 || true
BIN="$SCRATCH/release/minutes-fuzz"
[ -x "$BIN" ] || { echo "fuzz: no fuzz target at $BIN" >&2; exit 2; }
echo "fuzz: building minutes (debug) to replay findings" >&2
swift build --product minutes 2>&1 | grep -E "error:" >&2 || true
MINUTES="$(swift build --show-bin-path)/minutes"

CORPUS="$SCRATCH/corpus"; SEEDS="$SCRATCH/seeds"; FINDINGS="$SCRATCH/findings"
mkdir -p "$CORPUS" "$SEEDS" "$FINDINGS"
for d in ../shared/corpus/dev ../shared/corpus/bad Tests/MinutesTests/Fixtures Tests/MinutesTests/Fixtures/bad \
         Tests/MinutesTests/Fixtures/ocr Tests/MinutesTests/Fixtures/batch Tests/MinutesTests/Fixtures/fuzz; do
  [ -d "$d" ] || continue
  find "$d" -maxdepth 1 -type f -size -"$MAX_SEED_BYTES"c ! -name '*.json' ! -name '*.md' ! -name '*.expect' \
    -exec cp -n {} "$SEEDS/" \;
done
echo "fuzz: $(ls "$SEEDS" | wc -l) seeds, $(ls "$CORPUS" | wc -l) inputs in the corpus so far; running ${SECS} s" >&2

before=$(ls "$FINDINGS" | wc -l)
parallel=()
# With -jobs, libFuzzer writes each job's log as fuzz-N.log in the current folder: $SCRATCH.
[ "$JOBS" -gt 1 ] && parallel=(-jobs="$JOBS" -workers="$JOBS")
rm -f "$SCRATCH"/fuzz.log "$SCRATCH"/fuzz-*.log
# Leaks are poppler's and glib's caches, kept for the process's life on purpose.
(cd "$SCRATCH" && ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
  "$BIN" "$CORPUS" "$SEEDS" -max_total_time="$SECS" -timeout="$TIMEOUT" -rss_limit_mb=3072 \
  -malloc_limit_mb=2048 -max_len="$MAX_SEED_BYTES" "${parallel[@]}" -artifact_prefix="$FINDINGS/" \
  -print_final_stats=1 >fuzz.log 2>&1) || true
cat "$SCRATCH"/fuzz.log "$SCRATCH"/fuzz-*.log 2>/dev/null | grep -E "^stat::|Done [0-9]+ runs|^#[0-9]+ *DONE" | sed 's/^/  /' || true
cat "$SCRATCH"/fuzz.log "$SCRATCH"/fuzz-*.log 2>/dev/null | grep -E "ERROR: (AddressSanitizer|libFuzzer)|SUMMARY:" | sort | uniq -c | sed 's/^/  /' || true
echo "fuzz: corpus now $(ls "$CORPUS" | wc -l) inputs; findings: $(( $(ls "$FINDINGS" | wc -l) - before )) new this run, $(ls "$FINDINGS" | wc -l) in all"

known=$(find Tests/MinutesTests/Fixtures/fuzz -type f ! -name '*.expect' ! -name '*.md' -exec sha256sum {} + 2>/dev/null | awk '{print $1}')
new=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in "$FINDINGS"/*; do
  [ -f "$f" ] || continue
  # libFuzzer keeps a unit slower than 10 s as slow-unit-*: on a shared machine that is the
  # load as often as the input (each was replayed in under a second when first seen), so it
  # is listed, timed alone, and not counted as a finding.
  case "$(basename "$f")" in
    slow-unit-*)
      t0=$(date +%s.%N); ASAN_OPTIONS=detect_leaks=0 "$BIN" "$f" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
      echo "  slow $(basename "$f"): $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s alone (not a finding)"
      continue ;;
  esac
  sha=$(sha256sum "$f" | awk '{print $1}')
  cp "$f" "$tmp/input"
  "$MINUTES" convert "$tmp/input" --out "$tmp/out" --timeout 60 -q >/dev/null 2>"$tmp/err" || true
  outcome=$(head -1 "$tmp/err"); [ -n "$outcome" ] || outcome="converts"
  if grep -qx "$sha" <<<"$known"; then status="known"; else status="NEW"; new=$((new + 1)); fi
  echo "  $status $(basename "$f") (${sha:0:12}): $outcome"
  rm -rf "$tmp/out"
done
[ "$new" -eq 0 ] || { echo "fuzz: $new finding(s) not yet regression inputs: copy each to Tests/MinutesTests/Fixtures/fuzz/ with NAME.expect" >&2; exit 1; }

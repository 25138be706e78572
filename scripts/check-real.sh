#!/usr/bin/env bash
# Converts every PDF of a folder tree (default: the shared real-world corpus) and validates every
# JSON written: a smoke test for documents that have no truth. Prints one line per file.
set -uo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/real}
out=${2:-$(mktemp -d)}
bin=${MINUTES_BIN:-.build/release/minutes}
[ -x "$bin" ] || bin=.build/debug/minutes
"$bin" convert "$corpus" --out "$out" --force --jobs "${JOBS:-2}" 2>&1 | grep -E "minutes: .*(failed|error)|files?:" | tail -n 40
files=$(find "$out" -name '*.json' ! -name '_*' | sort)
echo "validating $(echo "$files" | grep -c .) outputs in $out"
echo "$files" | xargs "$bin" validate | grep -v ": valid minutes/1" || echo "all valid"

#!/usr/bin/env bash
# Sets up the machine if needed and runs the whole test suite (XCTest).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build --build-tests 2>&1 | grep -E "error|warning: unre|Build complete" || true
log=$(mktemp)
status=0
# The suite is XCTest only; Swift Testing's empty run would print a misleading "0 tests" line last.
swift test --skip-build --disable-swift-testing 2>&1 | tee "$log" || status=$?
summary=$(grep -E "Executed [0-9]+ tests?, with [0-9]+ failures?" "$log" | tail -n 1 || true)
rm -f "$log"
if [ -n "$summary" ]; then
  total=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
  failed=$(echo "$summary" | sed -E 's/.*with ([0-9]+) failures?.*/\1/')
  echo "tests: $((total - failed)) passed, $failed failed"
fi
exit $status

#!/usr/bin/env bash
# Sets up the machine if needed and runs the whole test suite (XCTest).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# The review page's tests drive headless Chromium (Debian's package), installed only where missing.
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing chromium (for the review page's browser tests)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
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

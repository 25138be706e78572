#!/usr/bin/env bash
# Sets up the machine if needed and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build --build-tests 2>&1 | grep -E "error|warning: unre|Compiling minutes|Build complete" || true
swift test --skip-build 2>&1

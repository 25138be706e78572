#!/usr/bin/env bash
# Sets up the machine if needed, builds the release binary, and converts Samples/ into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --product minutes 2>&1 | tail -n 3
.build/release/minutes convert Samples --out out "$@"
echo "wrote $(ls out/*.json | wc -l) minutes/1 file(s) to out/"

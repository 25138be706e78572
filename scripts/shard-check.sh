#!/usr/bin/env bash
# Checks that N shards plus `minutes ledger merge` give what one run gives, on a real
# folder: the same outputs byte for byte, the same _failures.json and actions.csv, and
# every input converted once (the merge itself checks no input went to two shards).
#
#   scripts/shard-check.sh [DIR] [N]     (default ../shared/corpus/dev, 4)
#
# The shards run side by side as local processes, as N pods would. Environment: BIN
# (default .build/release/minutes, else .build/debug/minutes), JOBS (per shard, 1).
set -uo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus/dev}
n=${2:-4}
jobs=${JOBS:-1}
bin=${BIN:-.build/release/minutes}
[ -x "$bin" ] || bin=.build/debug/minutes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fmt=json,md,csv

t0=$(date +%s.%N)
"$bin" convert "$dir" --out "$work/single" --format "$fmt" --jobs "$jobs" --force -q 2>"$work/single.log"
single_status=$?
t1=$(date +%s.%N)
pids=()
for i in $(seq 0 $((n - 1))); do
  "$bin" convert "$dir" --out "$work/sharded" --format "$fmt" --jobs "$jobs" --shard "$i/$n" --force -q 2>"$work/shard-$i.log" &
  pids+=($!)
done
statuses=()
for p in "${pids[@]}"; do wait "$p"; statuses+=($?); done
t2=$(date +%s.%N)
"$bin" ledger merge "$work/sharded" 2>"$work/merge.log"
merge_status=$?
echo "single run: exit $single_status in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s; $n shards side by side: exits ${statuses[*]} in $(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.1f", b - a }') s; merge: exit $merge_status"
sed 's/^/  /' "$work/merge.log"
for i in $(seq 0 $((n - 1))); do
  printf '  shard %d/%d took %s inputs\n' "$i" "$n" "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['inputs']))" "$work/sharded/_shard-$i-of-$n.json" 2>/dev/null || echo '?')"
done

# Outputs and the merged reports, leaving out the shards' own files.
list() { (cd "$1" && find . -type f ! -name '_shard-*' ! -name '*.shard-*' ! -name '.minutes-ledger*' | sort); }
diff <(list "$work/single") <(list "$work/sharded") >"$work/names.diff" && names=same || names=DIFFERENT
differ=0
while read -r f; do cmp -s "$work/single/$f" "$work/sharded/$f" || { differ=$((differ + 1)); echo "  differs: $f"; }; done < <(list "$work/single")
converted() { python3 - "$1" <<'PY'
import json, sys
seen = []
for line in open(sys.argv[1] + "/.minutes-ledger.jsonl"):
    try: r = json.loads(line)
    except ValueError: continue
    if r.get("status") == "converted": seen.append((r.get("base"), r["sha256"]))
print(len(seen), len(set(seen)))
print("\n".join(sorted(f"{b} {s}" for b, s in seen)))
PY
}
converted "$work/single" >"$work/single.conv"; converted "$work/sharded" >"$work/sharded.conv"
read -r sc su < "$work/single.conv"; read -r hc hu < "$work/sharded.conv"
cmp -s <(tail -n +2 "$work/single.conv") <(tail -n +2 "$work/sharded.conv") && ledgers=same || ledgers=DIFFERENT
echo "files: $(list "$work/single" | wc -l) in the single run; names $names; $differ differ in content"
echo "ledger: single run $sc conversions ($su distinct); shards $hc ($hu distinct); $ledgers"
[ "$names" = same ] && [ "$differ" -eq 0 ] && [ "$ledgers" = same ] && [ "$hc" = "$hu" ] && echo "RESULT: $n shards + merge = 1 run" && exit 0
echo "RESULT: MISMATCH"; exit 1

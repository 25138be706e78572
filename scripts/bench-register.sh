#!/usr/bin/env bash
# The register's speed: loading 1,000 converted files into a new database, loading them
# again (nothing to do), and each query on that database. Prints figures; never fails on one.
#
#   scripts/bench-register.sh [CORPUS_DIR…]   (default: ../shared/corpus/dev and ../shared/corpus/real)
#
# The 1,000 files are made from the corpus's converted text PDFs that set three or more
# actions: each becomes a series of meetings of its body, a month apart, whose actions are
# now and then completed, re-worded, re-numbered or replaced by new ones, so threading
# does real work.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
corpora=("$@")
[ ${#corpora[@]} -eq 0 ] && corpora=(../shared/corpus/dev ../shared/corpus/real)
files=${BENCH_FILES:-1000}
work=${BENCH_DIR:-/tmp/minutes-bench-register}
mkdir -p "$work"

echo "building release…" >&2
swift build -c release --product minutes 2>&1 | { grep -E "error|Build complete" || true; } | tail -n 1 >&2
bin="$(swift build -c release --show-bin-path)/minutes"

if [ ! -d "$work/converted" ] || [ -z "$(ls "$work/converted" 2>/dev/null | grep json)" ]; then
  echo "converting ${corpora[*]} (text layers only)…" >&2
  "$bin" convert "${corpora[@]}" --out "$work/converted" --ocr never --quiet || true
fi

rm -rf "$work/gen" && mkdir -p "$work/gen"
python3 - "$work/converted" "$work/gen" "$files" <<'EOF'
import datetime, glob, hashlib, json, os, random, sys
src, out, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
bases = []
for path in sorted(glob.glob(os.path.join(src, "**", "*.json"), recursive=True)):
    if os.path.basename(path).startswith("_"):
        continue
    with open(path) as f:
        m = json.load(f)
    if m.get("schema") == "minutes/1":
        bases.append((path, m))
# The register's work is following actions: documents that set a few are the ones varied.
with_actions = [(p, m) for p, m in bases if len(m["actions"]) >= 3]
bases = with_actions if len(with_actions) >= 5 else bases
if not bases:
    sys.exit("no converted minutes in " + src)
pool = [a["description"] for _, m in bases for a in m["actions"]] or ["Review the risk register"]
rng = random.Random(12)
per = -(-total // len(bases))
n = 0
for path, base in bases:
    stem = os.path.splitext(os.path.basename(path))[0]
    start = datetime.date.fromisoformat(base["meeting"]["date"]) if (base["meeting"].get("date") or "")[:4].isdigit() and len(base["meeting"]["date"]) == 10 else datetime.date(2020, 1, 6)
    actions = [dict(a) for a in base["actions"]]
    for k in range(per):
        if n >= total:
            break
        m = json.loads(json.dumps(base))
        m["meeting"]["date"] = (start + datetime.timedelta(days=30 * k)).isoformat()
        m["source"]["file"] = f"{stem}-v{k:03d}.pdf"
        m["source"]["sha256"] = hashlib.sha256(f"{stem}/{k}".encode()).hexdigest()
        kept = []
        for i, a in enumerate(actions):
            r = rng.random()
            if r < 0.08:
                continue                                   # done and gone from the list
            a = dict(a)
            if r < 0.18:
                a["status"] = "Complete"
            elif r < 0.28:
                words = a["description"].split()
                if len(words) > 4:
                    a["description"] = " ".join(words[:-1])  # re-worded
            elif r < 0.36 and a.get("ref"):
                a["ref"] = f"{k}.{i + 1}"                  # re-numbered
            elif r < 0.44:
                a["description"] = rng.choice(pool) + f" ({stem} {k})"
                a["status"] = None                         # a new action
            else:
                a["status"] = "Ongoing"
            kept.append(a)
        # What was completed drops off the next meeting's list.
        actions = [a for a in kept if a.get("status") != "Complete"] or [dict(x) for x in base["actions"]]
        m["actions"] = kept
        with open(os.path.join(out, f"{stem}-v{k:03d}.json"), "w") as f:
            json.dump(m, f)
        n += 1
print(f"{n} files from {len(bases)} converted documents", file=sys.stderr)
EOF

db="$work/register.sqlite"
rm -f "$db"
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
t=$(date +%s%N); "$bin" register "$work/gen" --db "$db" 2>"$work/load.txt"; load=$(ms "$t")
t=$(date +%s%N); "$bin" register "$work/gen" --db "$db" 2>"$work/reload.txt"; reload=$(ms "$t")
echo "load $files files into a new register: $load ms  ($(tail -n 1 "$work/load.txt"))"
echo "load the same folder again:            $reload ms  ($(tail -n 1 "$work/reload.txt" | cut -d';' -f1))"
echo "register size: $(du -k "$db" | cut -f1) KiB"

owner=$(sqlite3 "$db" "SELECT owner FROM action_owners o JOIN people p ON p.id = o.person_id GROUP BY owner ORDER BY COUNT(*) DESC LIMIT 1" 2>/dev/null || echo "CC")
person=$(sqlite3 "$db" "SELECT p.name FROM attendance a JOIN people p ON p.id = a.person_id GROUP BY p.id ORDER BY COUNT(*) DESC LIMIT 1" 2>/dev/null || echo "Smith")
body=$(sqlite3 "$db" "SELECT b.name FROM bodies b JOIN meetings m ON m.body_id = b.id GROUP BY b.id ORDER BY COUNT(*) DESC LIMIT 1" 2>/dev/null || echo "Board")
queries=(
  "actions"
  "actions --open"
  "actions --owner $owner"
  "actions --body"
  "actions --overdue --as-of 2025-01-01"
  "actions --open --format json"
  "search budget"
  "search police"
  "person $person"
)
# Start-up alone (loading the binary and its libraries, parsing arguments): what every command pays.
best() { sort -n | head -n 1; }
startup=$(for i in 1 2 3 4 5; do t=$(date +%s%N); "$bin" actions --help >/dev/null; ms "$t"; done | best)
echo "process start-up (minutes actions --help): $startup ms"
printf '%-44s %10s %10s %6s\n' "query (best of 5)" "process ms" "query ms" "rows"
for q in "${queries[@]}"; do
  read -r -a args <<<"$q"
  # Multi-word values are kept whole by passing them after the split.
  case "$q" in
    "actions --owner"*) args=(actions --owner "$owner") ;;
    "actions --body") args=(actions --body "$body") ;;
    "person"*) args=(person "$person") ;;
  esac
  rows=$("$bin" "${args[@]}" --db "$db" --format csv | tail -n +2 | wc -l)
  # Whole process (start-up included), and the query with its output alone (--timing).
  whole=$(for i in 1 2 3 4 5; do t=$(date +%s%N); "$bin" "${args[@]}" --db "$db" >/dev/null; ms "$t"; done | best)
  inner=$(for i in 1 2 3 4 5; do "$bin" "${args[@]}" --db "$db" --timing 2>&1 >/dev/null | sed -E 's/.*: ([0-9.]+) ms/\1/'; done | sort -n | head -n 1)
  printf '%-44s %10s %10s %6s\n' "${args[*]}" "$whole" "$inner" "$rows"
done

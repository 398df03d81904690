#!/usr/bin/env bash
# `renja check --json` over the seed and 30 corpus files (10 of transplant/, whose packages carry the seed's sheets,
# and every 40th other .xlsx of ../shared/corpus, in name order), one
# output file per input in DIR, so a reader change can be diffed against the output before it:
#   scripts/check-json-parity.sh /tmp/before && (change, build) && scripts/check-json-parity.sh /tmp/after && diff -r /tmp/before /tmp/after
set -u
out=${1:?usage: check-json-parity.sh OUTDIR}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
{
  echo "$root/seeds/sample-renja-tomoni-2025.xlsx"
  find "$root/../shared/corpus/transplant" -name '*.xlsx' | LC_ALL=C sort | awk 'NR % 7 == 1' | head -10
  find "$root/../shared/corpus" -name '*.xlsx' -not -path '*/transplant/*' | LC_ALL=C sort | awk 'NR % 36 == 1' | head -20
} > "$out/.files"
n=0
while IFS= read -r f; do
  n=$((n + 1))
  name=$(printf '%02d-%s' "$n" "$(basename "$f")")
  node "$root/bin/renja.js" check --json "$f" > "$out/$name.json" 2> "$out/$name.err"
  echo "exit $?" >> "$out/$name.json"
done < "$out/.files"
echo "$n files → $out"

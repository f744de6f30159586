#!/usr/bin/env bash
# The mutation run in parts: each a `stryker run --incremental` over a few of the files that stryker.config.json's
# `mutate` names (in order, about PART_LINES lines of source a part: 300 to 400 mutants, 30 to 50 minutes here, a
# fresh vitest worker importing the covering tests' module graph for every mutant). Stryker writes its incremental
# file (mutation/stryker-incremental.json) only when a run ends, so a run cut off halfway keeps nothing; in parts, a
# stop loses one part at most, and each part keeps the results of the files outside its --mutate. The last step is
# the whole run, every result reused, which writes the full report (test-artifacts/mutation/mutation.html and
# .json) with the score.
# Usage: scripts/mutation-in-parts.sh [the part to start from, 1-based; default 1]. Nice'd: the machine is shared.
set -euo pipefail
shopt -s globstar nullglob
cd "$(dirname "$0")/.."
PART_LINES=${PART_LINES:-250}
mapfile -t globs < <(node -e 'for (const g of require("./stryker.config.json").mutate) console.log(g)')
files=()
for g in "${globs[@]}"; do for f in $g; do files+=("$f"); done; done
parts=()
part=''
lines=0
for f in "${files[@]}"; do
  part+="${part:+,}$f"
  lines=$((lines + $(wc -l < "$f")))
  if ((lines >= PART_LINES)); then parts+=("$part"); part=''; lines=0; fi
done
[[ -n $part ]] && parts+=("$part")
# Each part done is written down (mutation/parts-done.txt, kept with the incremental file), and skipped when this
# runs again; the whole run at the end still re-tests whatever changed since (Stryker's own incremental diff).
done_list=mutation/parts-done.txt
mkdir -p mutation
touch "$done_list"
from=${1:-1}
for ((i = from - 1; i < ${#parts[@]}; i++)); do
  if grep -qxF "${parts[i]}" "$done_list"; then echo "=== part $((i + 1)) of ${#parts[@]}: done before"; continue; fi
  echo "=== part $((i + 1)) of ${#parts[@]} ($(date -u +%H:%M:%S)): ${parts[i]}"
  nice -n 10 npx stryker run --incremental --mutate "${parts[i]}" --reporters progress-append-only,json,html
  echo "${parts[i]}" >> "$done_list"
done
echo "=== the whole run, reusing every part ($(date -u +%H:%M:%S))"
nice -n 10 npx stryker run --incremental --reporters clear-text,progress-append-only,json,html
echo "=== done ($(date -u +%H:%M:%S))"

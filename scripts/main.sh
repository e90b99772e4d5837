#!/usr/bin/env bash
# The main job: install what is missing, build, and align every file in corpus/.
# For each corpus/NAME.txt it writes out/NAME.json (the full result), out/NAME.html (a report
# to open in a browser) and out/NAME.tmx (a translation memory), and prints the findings.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh --command >/dev/null
mkdir -p out
for f in corpus/*.txt; do
  name=$(basename "$f" .txt)
  build/summalign align "$f" > "out/$name.json"
  build/summalign align --format html "$f" > "out/$name.html"
  build/summalign align --format tmx "$f" > "out/$name.tmx"
  build/summalign check --format text "$f"
  echo "$f -> out/$name.json out/$name.html out/$name.tmx"
done

#!/usr/bin/env bash
# The main job: install what is missing, build, and run summalign on every file in corpus/.
# Writes out/<name>.json next to a one-line summary per file.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh >/dev/null
mkdir -p out
for f in corpus/*.txt; do
  name=$(basename "$f" .txt)
  build/summalign parse "$f" > "out/$name.json"
  echo "$f -> out/$name.json ($(grep -c '"title"' "out/$name.json") titles)"
done

#!/usr/bin/env bash
# Writes the benchmark corpora (the seed re-laid out N times, see tests/support/bench_corpus.hpp)
# into a build directory; never commit them.
#
#   scripts/make-bench-corpus.sh [BUILD_DIR] [COPIES...]
#   scripts/make-bench-corpus.sh build 125 500 2000   -> build/bench-corpus/corpus-{125,500,2000}.txt
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
shift || true
copies=("$@")
[ ${#copies[@]} -gt 0 ] || copies=(125 500 2000)
if [ ! -x "$build_dir/bench_make_corpus" ]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build_dir" -j"$(nproc)" --target bench_make_corpus >/dev/null
fi
mkdir -p "$build_dir/bench-corpus"
for n in "${copies[@]}"; do
  "$build_dir/bench_make_corpus" --copies "$n" --out "$build_dir/bench-corpus/corpus-$n.txt"
done

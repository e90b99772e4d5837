#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan + coverage) in build-fuzz/ and runs
# each for a bounded time on its seed corpus (tests/fuzz/corpus/<target>/). Exits non-zero
# when a fuzzer finds a crash, a sanitizer report, a hang or a memory blow-up; the input
# that caused it is copied to tests/fuzz/regressions/<target>/, where
# tests/test_fuzz_regressions.cpp replays it in the normal build (commit it with the fix).
#
#   scripts/fuzz.sh                       # every target, 60 s each
#   FUZZ_SECONDS=600 scripts/fuzz.sh parse segment
#   FUZZ_SEED=1 scripts/fuzz.sh           # reproducible mutation sequence (libFuzzer -seed)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
jobs=${JOBS:-$(nproc)}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse segment align_text lexicon_reader)

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }

start=$(date +%s)
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DSUMMALIGN_FUZZ=ON -DSUMMALIGN_BUILD_TESTS=OFF -DSUMMALIGN_BUILD_BENCH=OFF >/dev/null
cmake --build "$build_dir" -j"$jobs" --target $(printf 'fuzz_%s ' "${targets[@]}")
echo "fuzz.sh: built in $(( $(date +%s) - start )) s" >&2

# Leaks are checked by scripts/sanitize.sh on whole runs; per-input leak checks here would
# flag the caches ICU and Hunspell fill on first use.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for target in "${targets[@]}"; do
  binary="$build_dir/tests/fuzz/fuzz_$target"
  work="$build_dir/fuzz-work/$target"
  mkdir -p "$work/corpus" "$work/artifacts"
  rm -f "$work"/artifacts/*
  echo "fuzz.sh: $target for $seconds s" >&2
  # New interesting inputs go to the scratch corpus (first directory); the committed seed
  # corpus is only read.
  status=0
  "$binary" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -print_final_stats=1 \
            -seed="${FUZZ_SEED:-0}" -artifact_prefix="$work/artifacts/" \
            "$work/corpus" "tests/fuzz/corpus/$target" >"$work/log.txt" 2>&1 || status=$?
  tail -n 12 "$work/log.txt" | grep -E 'stat::number_of_executed_units|stat::peak_rss|Done|ERROR|SUMMARY' >&2 || true
  if [ "$status" -ne 0 ] || compgen -G "$work/artifacts/*" >/dev/null; then
    failed+=("$target")
    mkdir -p "tests/fuzz/regressions/$target"
    for artifact in "$work"/artifacts/*; do
      [ -e "$artifact" ] || continue
      cp "$artifact" "tests/fuzz/regressions/$target/"
      echo "fuzz.sh: $target failed; input saved as tests/fuzz/regressions/$target/$(basename "$artifact")" >&2
    done
    grep -m 5 -E 'ERROR|runtime error|terminate|what\(\)' "$work/log.txt" >&2 || true
    echo "fuzz.sh: full log in $work/log.txt" >&2
  fi
done
echo "fuzz.sh: total $(( $(date +%s) - start )) s" >&2
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: no crash in ${targets[*]} (${seconds} s each)" >&2

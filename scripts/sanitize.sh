#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/ and
# runs the whole CTest suite there: any memory error, leak or undefined behaviour a test
# reaches fails the run.
#
#   scripts/sanitize.sh                 # g++ (default)
#   SANITIZE_CXX=clang++ scripts/sanitize.sh
#   SANITIZE_EXCLUDE_LABEL=slow scripts/sanitize.sh   # skip tests labelled slow
#   BUILD_DIR=build-asan-clang scripts/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build-asan}
cxx=${SANITIZE_CXX:-g++}
jobs=${JOBS:-$(nproc)}
start=$(date +%s)

# RelWithDebInfo: optimised enough that the suite runs in reasonable time, with line
# numbers in sanitizer reports.
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
      -DSUMMALIGN_SANITIZE=ON -DSUMMALIGN_BUILD_BENCH=OFF >/dev/null
cmake --build "$build_dir" -j"$jobs"
built=$(date +%s)

# halt_on_error/abort_on_error make every finding a test failure; detect_leaks catches
# what ASan sees leaked at exit. The suppressions file (if any) is for third-party code only.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp:print_suppressions=0}
ctest_args=(--test-dir "$build_dir" --output-on-failure -j"$jobs")
if [ -n "${SANITIZE_EXCLUDE_LABEL:-}" ]; then ctest_args+=(-LE "$SANITIZE_EXCLUDE_LABEL"); fi
ctest "${ctest_args[@]}"
end=$(date +%s)
echo "sanitize.sh: build $((built - start)) s, tests $((end - built)) s (${cxx}, ${build_dir})" >&2

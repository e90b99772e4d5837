#!/usr/bin/env bash
# Checks that an installed summalign can be used by another project, both through
# find_package(summalign) and through pkg-config:
#   1. cmake --install BUILD_DIR into a temporary prefix,
#   2. configure, build and run tests/find-package/ (CMake consumer) against that prefix,
#   3. compile the same main.cpp with `pkg-config --cflags --libs summalign` and run it,
# comparing both programs' output with tests/find-package/expected.txt.
# Usage: scripts/test-find-package.sh [BUILD_DIR]   (default: build; it must be built)
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(cd "${1:-$source_dir/build}" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/summalign-find-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
consumer="$source_dir/tests/find-package"

cmake --install "$build_dir" --prefix "$prefix" >"$work/install.log"
for installed in include/summalign/summalign.hpp share/summalign/abbreviations-da.txt bin/summalign; do
  [ -e "$prefix/$installed" ] || { echo "not installed: $installed" >&2; exit 1; }
done
config=$(find "$prefix" -name summalignConfig.cmake | head -n1)
pc_file=$(find "$prefix" -name summalign.pc | head -n1)
[ -n "$config" ] || { echo "no summalignConfig.cmake installed" >&2; exit 1; }
[ -n "$pc_file" ] || { echo "no summalign.pc installed" >&2; exit 1; }

# The data files must come from the prefix, not from this source tree.
export SUMMALIGN_DATA_DIR="$prefix/share/summalign"

# Relocatable: the installed CMake files must not name files of the build machine (the
# source or build tree, or a dependency's library by path); dependencies are imported targets.
targets=$(find "$prefix" -name 'summalignTargets*.cmake')
# shellcheck disable=SC2086  # $targets: one or more file names
absolute=$(grep -n -e "$source_dir" -e "$build_dir" -e '/usr/' -e '\.so\b' -e '\.a\b' $targets "$config" | grep -v '_IMPORT_PREFIX}/' || true)
if [ -n "$absolute" ]; then
  printf '%s\n' "$absolute" >&2
  echo "the installed CMake package names files of the build machine (above)" >&2; exit 1
fi

echo "== find_package(summalign) consumer"
cmake -S "$consumer" -B "$work/cmake-consumer" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" >"$work/configure.log" \
  || { cat "$work/configure.log" >&2; exit 1; }
cmake --build "$work/cmake-consumer" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
"$work/cmake-consumer/consumer" >"$work/cmake-output.txt"
diff -u "$consumer/expected.txt" "$work/cmake-output.txt"

echo "== pkg-config consumer"
export PKG_CONFIG_PATH="$(dirname "$pc_file")${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
[ "$(pkg-config --modversion summalign)" = "$(sed -n 's/^Version: //p' "$pc_file")" ]
# shellcheck disable=SC2046  # word splitting of pkg-config's flags is intended
# The library is static: --static adds Requires.private and Libs.private.
c++ -std=c++20 -O1 "$consumer/main.cpp" -o "$work/pc-consumer" $(pkg-config --cflags --static --libs summalign)
"$work/pc-consumer" >"$work/pc-output.txt"
diff -u "$consumer/expected.txt" "$work/pc-output.txt"

# The Python module, when it was built: found under the prefix through PYTHONPATH (docs/python.md).
python_dir=$(sed -n 's/^SUMMALIGN_PYTHON_INSTALL_DIR:STRING=//p' "$build_dir/CMakeCache.txt")
python=$(sed -n 's/^SUMMALIGN_PYTHON_EXECUTABLE:INTERNAL=//p' "$build_dir/CMakeCache.txt")
if grep -q '^SUMMALIGN_PYTHON:BOOL=ON' "$build_dir/CMakeCache.txt"; then
  echo "== Python module"
  (cd "$work" && PYTHONPATH="$prefix/$python_dir" "$python" -c '
import sys, summalign
assert summalign.__file__.startswith(sys.argv[1]), summalign.__file__
print([s.text for s in summalign.segment("Stamceller, bl.a. fra knoglemarv, blev brugt. Katten spiser.", "da")])
' "$prefix") >"$work/python-output.txt"
  diff -u <(printf '%s\n' "['Stamceller, bl.a. fra knoglemarv, blev brugt.', 'Katten spiser.']") "$work/python-output.txt"
fi

echo "find-package: OK (CMake and pkg-config consumers built against $prefix)"

#!/usr/bin/env bash
# Checks that an installed summalign works on its own and can be used by another project:
#   1. cmake --install BUILD_DIR into a temporary prefix, then move the prefix elsewhere
#      (the installed copy must not depend on where it was installed);
#   2. hide the build and source trees (a private mount namespace with empty folders over
#      them, when `unshare` may make one; otherwise the programs' data must still come from
#      the moved prefix, which the consumer checks), SUMMALIGN_DATA_DIR unset, and run
#      - the installed command (its output must equal the build tree's command's),
#      - tests/find-package/ built with find_package(summalign) (the shared library), and
#        with the `static` component,
#      - the same main.cpp compiled with `pkg-config --cflags --libs summalign` and no
#        -std flag of its own,
#      - the installed Python module, when it was built;
#   comparing the consumers' output with tests/find-package/expected.txt.
# Usage: scripts/test-find-package.sh [BUILD_DIR]   (default: build; it must be built)
set -euo pipefail

if [ "${1:-}" = "--hidden" ]; then
  # Second stage, inside the mount namespace: hide the trees, then run the checks.
  shift
  for dir in "$@"; do mount -t tmpfs -o size=1m summalign-hidden "$dir"; done
  exec bash "$SUMMALIGN_TEST_WORK/run-installed.sh"
fi

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(cd "${1:-$source_dir/build}" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/summalign-find-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
unset SUMMALIGN_DATA_DIR

cmake --install "$build_dir" --prefix "$work/staging" >"$work/install.log"
prefix="$work/moved/prefix"
mkdir -p "$work/moved"
mv "$work/staging" "$prefix"
for installed in include/summalign/summalign.hpp include/summalign/version.hpp share/summalign/abbreviations-da.txt \
                 bin/summalign share/doc/summalign/LICENSE share/doc/summalign/README.md share/doc/summalign/docs/schema.md; do
  [ -e "$prefix/$installed" ] || { echo "not installed: $installed" >&2; exit 1; }
done
# The Danish message catalog (built when msgfmt is there) is installed with the data and the
# moved command finds it: its error line comes out in Danish.
if command -v msgfmt >/dev/null; then
  [ -e "$prefix/share/summalign/locale/da/LC_MESSAGES/summalign.mo" ] || { echo "not installed: the Danish message catalog" >&2; exit 1; }
  danish=$(env -u SUMMALIGN_DATA_DIR "$prefix/bin/summalign" check --lang da "$work/no-such-file" 2>&1 || true)
  expected=$(grep -A1 '^msgid "no such file"$' "$source_dir/po/da.po" | sed -n 's/^msgstr "\(.*\)"$/\1/p')
  [ -n "$expected" ] && [ "$danish" = "summalign: $work/no-such-file: $expected" ] || { echo "the installed command's --lang da: $danish" >&2; exit 1; }
fi
config=$(find "$prefix" -name summalignConfig.cmake | head -n1)
pc_file=$(find "$prefix" -name summalign.pc | head -n1)
[ -n "$config" ] || { echo "no summalignConfig.cmake installed" >&2; exit 1; }
[ -n "$pc_file" ] || { echo "no summalign.pc installed" >&2; exit 1; }
ls "$(dirname "$pc_file")"/../libsummalign.so "$(dirname "$pc_file")"/../libsummalign.a >/dev/null
# Training and evaluation (lib/train/, target summalign_train) are neither installed nor part
# of the runtime library.
[ -z "$(find "$prefix" -name 'libsummalign_train*' -o -name train.hpp)" ] || { echo "the training library is installed" >&2; exit 1; }
if nm -C "$(dirname "$pc_file")"/../libsummalign.a | grep -e ' T summalign::learn_lexicon(' -e ' T summalign::detail::train_ibm1(' >&2; then
  echo "the installed runtime library contains training code (above)" >&2; exit 1
fi

# Relocatable: the installed CMake files must not name files of the build machine (the
# source or build tree, or a dependency's library by path); dependencies are imported targets.
targets=$(find "$prefix" -name 'summalign*Targets*.cmake')
# shellcheck disable=SC2086  # $targets: one or more file names
absolute=$(grep -n -e "$source_dir" -e "$build_dir" -e '/usr/' -e '\.so\b' -e '\.a\b' $targets "$config" | grep -v -e '_IMPORT_PREFIX}/' -e 'IMPORTED_SONAME' || true)
if [ -n "$absolute" ]; then
  printf '%s\n' "$absolute" >&2
  echo "the installed CMake package names files of the build machine (above)" >&2; exit 1
fi
# The shared library's dependencies are its own: its exported target links nothing else.
shared_targets=$(find "$prefix" -name 'summalignTargets.cmake')
if grep -n 'INTERFACE_LINK_LIBRARIES' "$shared_targets" >&2; then
  echo "the shared library's target passes link dependencies on to its users (above)" >&2; exit 1
fi
# The C++20 requirement reaches both kinds of consumer.
grep -q 'INTERFACE_COMPILE_FEATURES "cxx_std_20"' "$shared_targets" || { echo "summalign::summalign lacks cxx_std_20" >&2; exit 1; }
grep -q '^Cflags:.*-std=c++20' "$pc_file" || { echo "summalign.pc's Cflags lack -std=c++20" >&2; exit 1; }

# What the installed command must print: the build tree's command on the same input.
cp "$source_dir/corpus/ugeskr-2003-165-stamceller.txt" "$work/article.txt"
(cd "$work" && "$build_dir/summalign" align article.txt >expected-align.json \
   && "$build_dir/summalign" check --format text article.txt >expected-check.txt)
cp -r "$source_dir/tests/find-package" "$work/consumer-source"
# The README's library example as a user would copy it: its CMake lines and its first C++ example.
readme_app="$work/readme-app"
python3 "$source_dir/tests/readme_snippets.py" "$source_dir/README.md" "$readme_app" cmake cmake >/dev/null
python3 "$source_dir/tests/readme_snippets.py" "$source_dir/README.md" "$readme_app" cpp cpp >/dev/null
[ -f "$readme_app/readme_snippet_1.cmake" ] && [ -f "$readme_app/readme_snippet_1.cpp" ] \
  || { echo "README.md lacks a cmake or a cpp example" >&2; exit 1; }
mv "$readme_app/readme_snippet_1.cpp" "$readme_app/main.cpp"
{ printf 'cmake_minimum_required(VERSION 3.20)\nproject(readme_app LANGUAGES CXX)\nadd_executable(app main.cpp)\n'
  cat "$readme_app/readme_snippet_1.cmake"; } >"$readme_app/CMakeLists.txt"
python_dir=$(sed -n 's/^SUMMALIGN_PYTHON_INSTALL_DIR:STRING=//p' "$build_dir/CMakeCache.txt")
python=$(sed -n 's/^SUMMALIGN_PYTHON_EXECUTABLE:INTERNAL=//p' "$build_dir/CMakeCache.txt")
with_python=0
grep -q '^SUMMALIGN_PYTHON:BOOL=ON' "$build_dir/CMakeCache.txt" && with_python=1

cat >"$work/run-installed.sh" <<STAGE
set -euo pipefail
work="$work"; prefix="$prefix"; pc_file="$pc_file"; python="$python"; python_dir="$python_dir"
consumer="\$work/consumer-source"
cd "\$work"

echo "== the installed command"
"\$prefix/bin/summalign" align article.txt >installed-align.json 2>installed-align.err
cmp expected-align.json installed-align.json
# Every data file the command looks for is installed: it warns of no missing lexicon source.
[ ! -s installed-align.err ] || { cat installed-align.err >&2; exit 1; }
"\$prefix/bin/summalign" check --format text article.txt >installed-check.txt
cmp expected-check.txt installed-check.txt

echo "== find_package(summalign) consumer (shared library)"
cmake -S "\$consumer" -B cmake-consumer -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="\$prefix" >configure.log \
  || { cat configure.log >&2; exit 1; }
cmake --build cmake-consumer >build.log 2>&1 || { cat build.log >&2; exit 1; }
cmake-consumer/consumer "\$prefix" >cmake-output.txt
diff -u "\$consumer/expected.txt" cmake-output.txt

echo "== the README's CMake lines and C++ example"
cmake -S "\$work/readme-app" -B readme-build -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="\$prefix" >readme-configure.log \
  || { cat readme-configure.log >&2; exit 1; }
cmake --build readme-build >readme-build.log 2>&1 || { cat readme-build.log >&2; exit 1; }
readme-build/app article.txt >readme-align.json
cmp expected-align.json readme-align.json

echo "== find_package(summalign COMPONENTS static) consumer"
cmake -S "\$consumer" -B static-consumer -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="\$prefix" \
      -DSUMMALIGN_CONSUMER_STATIC=ON >static-configure.log || { cat static-configure.log >&2; exit 1; }
cmake --build static-consumer >static-build.log 2>&1 || { cat static-build.log >&2; exit 1; }
# A program outside the prefix with the library inside it cannot know the prefix: it is
# told the data folder (summalign_DATA_DIR of the CMake package).
SUMMALIGN_DATA_DIR="\$prefix/share/summalign" static-consumer/consumer "\$prefix" >static-output.txt
diff -u "\$consumer/expected.txt" static-output.txt

echo "== pkg-config consumer"
export PKG_CONFIG_PATH="\$(dirname "\$pc_file")\${PKG_CONFIG_PATH:+:\$PKG_CONFIG_PATH}"
[ "\$(pkg-config --modversion summalign)" = "\$(sed -n 's/^Version: //p' "\$pc_file")" ]
case " \$(pkg-config --libs summalign) " in *fmt*|*icu*|*hunspell*) echo "private dependencies in pkg-config --libs" >&2; exit 1;; esac
# shellcheck disable=SC2046  # word splitting of pkg-config's flags is intended
c++ -O1 "\$consumer/main.cpp" -o pc-consumer \$(pkg-config --cflags --libs summalign) \
    -Wl,-rpath,"\$(pkg-config --variable=libdir summalign)"
./pc-consumer "\$prefix" >pc-output.txt
diff -u "\$consumer/expected.txt" pc-output.txt

if [ "$with_python" = 1 ]; then
  echo "== Python module"
  PYTHONPATH="\$prefix/\$python_dir" "\$python" -c '
import pathlib, sys, summalign
assert summalign.__file__.startswith(sys.argv[1]), summalign.__file__
print([s.text for s in summalign.segment("Stamceller, bl.a. fra knoglemarv, blev brugt. Katten spiser.", "da")])
print(len(summalign.Aligner().align(pathlib.Path("article.txt")).articles) > 0)
' "\$prefix" >python-output.txt
  diff -u <(printf '%s\n' "['Stamceller, bl.a. fra knoglemarv, blev brugt.', 'Katten spiser.']" True) python-output.txt
fi
STAGE

export SUMMALIGN_TEST_WORK="$work"
mkdir "$work/mount-probe"
if unshare -m --propagation private mount -t tmpfs -o size=1m summalign-probe "$work/mount-probe" 2>/dev/null; then
  echo "== build and source trees hidden ($build_dir, $source_dir)"
  unshare -m --propagation private bash "$source_dir/scripts/test-find-package.sh" --hidden "$build_dir" "$source_dir"
else
  echo "== (no mount namespace here: the build and source trees stay visible; the consumers check where their data came from)"
  bash "$work/run-installed.sh"
fi
echo "find-package: OK (installed command, CMake and pkg-config consumers against $prefix)"

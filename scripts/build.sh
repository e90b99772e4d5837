#!/usr/bin/env bash
# Configures and builds summalign (Release) in build/.
#   scripts/build.sh             everything: library, command, data, Python module, tests, benchmarks
#   scripts/build.sh --command   the library, the command and its data only (what scripts/main.sh needs)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
if [ "${1:-}" = "--command" ]; then
  # The data targets are those the command reads at run time (the learned lexicon, the
  # spelling index, the message catalogs when gettext is there); the test targets of an
  # earlier full build stay as they are.
  targets=(summalign_cli)
  for target in $(cmake --build build --target help | sed -n 's/^\.\.\. \(summalign_[a-z_]*data\|summalign_learned_lexicon\|summalign_messages\)$/\1/p'); do
    targets+=("$target")
  done
  cmake --build build -j"$(nproc)" --target "${targets[@]}"
else
  cmake --build build -j"$(nproc)"
fi

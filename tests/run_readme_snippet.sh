#!/usr/bin/env bash
# Runs one README example (tests/CMakeLists.txt): SNIPPET CLI INPUT. It must exit 0 and print
# something; when what it prints is a JSON document, it must be what `CLI align INPUT` prints.
set -euo pipefail
snippet=$1 cli=$2 input=$3
out=$("$snippet" "$input")
[ -n "$out" ] || { echo "the README example printed nothing" >&2; exit 1; }
if [ "${out:0:1}" = "{" ]; then
  diff <(printf '%s\n' "$out") <("$cli" align "$input") >/dev/null \
    || { echo "the README example's JSON differs from summalign align's" >&2; exit 1; }
fi
head -n 5 <<<"$out"

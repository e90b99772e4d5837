#!/usr/bin/env bash
# The extra CI step: the whole test suite under ASan + UBSan (scripts/sanitize.sh), then
# every libFuzzer target for FUZZ_SECONDS (default 60) each (scripts/fuzz.sh).
# Called from .ci/run after the normal tests.
#
#   FUZZ_SECONDS=30 scripts/ci-extra.sh
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
# The packaging test links the instrumented static library into a consumer built without
# -fsanitize, which cannot work; it runs in the normal build (scripts/test.sh).
SANITIZE_EXCLUDE_LABEL=${SANITIZE_EXCLUDE_LABEL:-packaging} bash scripts/sanitize.sh
sanitized=$(date +%s)
# A fixed seed makes the CI's mutation sequence the same on every run, so its verdict can be
# reproduced here (`FUZZ_SEED=1 FUZZ_SECONDS=60 scripts/fuzz.sh`); open-ended exploration
# with fresh seeds is scripts/fuzz.sh's default, run apart from CI.
FUZZ_SEED=${FUZZ_SEED:-1} FUZZ_SECONDS=${FUZZ_SECONDS:-60} bash scripts/fuzz.sh
end=$(date +%s)
echo "ci-extra.sh: sanitize $((sanitized - start)) s, fuzz $((end - sanitized)) s, total $((end - start)) s" >&2

#!/usr/bin/env bash
# The memory a bare JShell keeps per new declaration (no kernel): the anchor behind the Java kernel's growth in
# bench/run-soak.sh. Writes bench/results/jshell_growth.jsonl.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
prepare_bench jshell_growth
java -cp "$CP" org.neuromorph.bench.JShellGrowth "${1:-1500}" "${2:-500}" | tee -a "$OUT"

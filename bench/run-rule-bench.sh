#!/usr/bin/env bash
# A learning rule written in a cell (CustomRule) against the built-in one it restates: pair STDP on Song, Miller &
# Abbott's network, 100 s, alternating runs. The anchor here is our own built-in rule (the issue's target is
# within 1.5x of it). Writes bench/results/custom_rule.jsonl.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
prepare_bench custom_rule
java -cp "$CP" org.neuromorph.bench.RuleBench "${1:-100}" "${2:-5}" | tee -a "$OUT"

#!/usr/bin/env bash
# The digits MLP in software and on device arrays (bench/results/digits.jsonl), then its training speed
# (bench/results/mlp.jsonl).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
prepare_bench digits
java -cp "$CP" org.neuromorph.bench.DigitsBench | tee -a "$OUT"
java -cp "$CP" org.neuromorph.bench.MlpBench | tee bench/results/mlp.jsonl

#!/usr/bin/env bash
# A 64-run sweep of CUBA 4000 (1 s) in process, on Spark local[2] and on a two-worker standalone cluster on
# loopback, in one kernel (see spark_sweep.py). Builds the jar first if needed. Writes bench/results/spark_sweep.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
prepare_kernel_bench
/usr/bin/python3 bench/spark_sweep.py "$@"

#!/usr/bin/env bash
# Measures our kernel beside Debian's ipykernel (see kernel_latency.py); builds the jar first if needed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
prepare_kernel_bench
/usr/bin/python3 bench/kernel_latency.py "$@"

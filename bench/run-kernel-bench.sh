#!/usr/bin/env bash
# Measures our kernel beside Debian's ipykernel (see kernel_latency.py); builds the jar first if needed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source install/prerequisites.sh
need_build_tools
need_packages "${JUPYTER_PACKAGES[@]}" "${BENCH_PACKAGES[@]}"
[ -f kernel/target/neuromorph.jar ] || mvn -B -q -DskipTests package
/usr/bin/python3 bench/kernel_latency.py "$@"

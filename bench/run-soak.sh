#!/usr/bin/env bash
# Thirty minutes (or $1) of steady load on the Java kernel, then on the Kotlin kernel (or only $2: java or kotlin);
# see kernel_soak.py. Uses kernelspecs installed by the jar built here into a temporary prefix. Results in
# bench/results/kernel_soak_java.json and kernel_soak_kotlin.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
prepare_kernel_bench_with_kernelspecs
for language in ${2:-java kotlin}; do
    /usr/bin/python3 bench/kernel_soak.py --language "$language" \
        --minutes "${1:-30}" --window 60
done

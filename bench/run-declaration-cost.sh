#!/usr/bin/env bash
# What one declared variable costs the Java and the Kotlin kernel in heap and metaspace (kernel_declaration_cost.py),
# with kernelspecs installed by the jar built here into a temporary prefix. Results in
# bench/results/kernel_declaration_cost_java.json and kernel_declaration_cost_kotlin.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
prepare_kernel_bench_with_kernelspecs
for language in ${1:-java kotlin}; do
    /usr/bin/python3 bench/kernel_declaration_cost.py --language "$language"
done

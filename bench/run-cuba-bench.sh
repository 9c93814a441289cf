#!/usr/bin/env bash
# CUBA (Vogels & Abbott 2005) on Neuromorph and on Brian2 2.5.1, same model, same biological time, alternating for
# ROUNDS rounds (default 5: this machine is shared and noisy; the table gives medians over the rounds).
# Usage: bench/run-cuba-bench.sh [N ...]   (default 4000 16000 64000). Writes bench/results/cuba.jsonl and prints a table.
# Brian2 runs its cython and cpp_standalone targets (each compiles first: that time is in its end-to-end figure).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
prepare_bench cuba python3-brian python3-numpy python3-scipy cython3 g++
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(4000 16000 64000)
for round in $(seq "${ROUNDS:-5}"); do
    for n in "${sizes[@]}"; do
        # groups below 32768 neurons never split a step, so a second thread is only tried above that
        threads_list="1"
        [ "$n" -lt 32768 ] || threads_list="1 2"
        # LIF's step in SIMD lanes (the Vector API module, as the kernels resolve it), then the scalar path alone
        for threads in $threads_list; do
            java -Xmx4g --add-modules jdk.incubator.vector -cp "$CP" org.neuromorph.bench.CubaBench "$n" 1000 12345 7 \
                "$threads" 2> >(grep -v 'incubator modules' >&2) | tee -a "$OUT"
        done
        java -Xmx4g -cp "$CP" org.neuromorph.bench.CubaBench "$n" 1000 12345 7 1 | tee -a "$OUT"
        # Brian2: cython (single-threaded), C++ standalone without OpenMP and with 2 OpenMP threads
        for run in "cython 0" "cpp_standalone 0" "cpp_standalone 2"; do
            set -- $run
            build_dir=$(mktemp -d)
            /usr/bin/python3 bench/anchors/brian2/cuba.py --N "$n" --duration 1000 --target "$1" --threads "$2" \
                --build-dir "$build_dir" --cython-cache-dir "$build_dir/cython" 2>/dev/null | tee -a "$OUT"
            rm -rf "$build_dir"
        done
    done
done
/usr/bin/python3 bench/cuba_summary.py "$OUT"

#!/usr/bin/env bash
# CUBA (Vogels & Abbott 2005) on Neuromorph and on Brian2 2.5.1 in one run, same model, same biological time.
# Usage: bench/run-cuba-bench.sh [N ...]   (default 4000 16000 64000). Writes bench/results/cuba.jsonl and prints a table.
# Brian2 runs its cython and cpp_standalone targets (each compiles first: that time is in its end-to-end figure).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source bench/prepare.sh
prepare_bench cuba python3-brian python3-numpy python3-scipy cython3 g++
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(4000 16000 64000)
for n in "${sizes[@]}"; do
    start=$(date +%s.%N)
    for threads in 1 2; do
        java -Xmx4g -cp "$CP" org.neuromorph.bench.CubaBench "$n" 1000 12345 7 "$threads" | tee -a "$OUT"
    done
    # Brian2: cython (single-threaded), C++ standalone without OpenMP and with 2 OpenMP threads
    for run in "cython 0" "cpp_standalone 0" "cpp_standalone 2"; do
        set -- $run
        build_dir=$(mktemp -d)
        /usr/bin/python3 bench/anchors/brian2/cuba.py --N "$n" --duration 1000 --target "$1" --threads "$2" \
            --build-dir "$build_dir" --cython-cache-dir "$build_dir/cython" 2>/dev/null | tee -a "$OUT"
        rm -rf "$build_dir"
    done
done
/usr/bin/python3 - "$OUT" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def key(r):
    return r.get('params', {}).get('N', r.get('N'))
print('| N | simulator | threads | rate (Hz) | silent | loop (s) | loop, first run (s) | end to end (s) |')
print('|---|---|---|---|---|---|---|---|')
for r in rows:
    if r.get('simulator') == 'neuromorph':
        lo, hi = r['mean_rate_hz_range']
        slo, shi = r['frac_silent_range']
        print(f"| {r['N']} | Neuromorph ({r['repeats']} seeds) | {r.get('threads', 1)} | {lo:.2f}–{hi:.2f} | {slo:.1%}–{shi:.1%} "
              f"| {r['t_sim_loop_s']:.3f} | {r['t_sim_loop_first_s']:.3f} | {r['t_total_s']:.2f} |")
    else:
        t, res = r['timings'], r['results']
        print(f"| {key(r)} | Brian2 {r['target']} | {max(1, r.get('threads') or 1)} | {res['mean_rate_hz']:.2f} | {res['frac_silent']:.1%} "
              f"| {t['t_sim_loop_s']:.3f} | {t['t_sim_loop_s']:.3f} | {t['t_total_s']:.2f} |")
PY

#!/usr/bin/env bash
# CUBA (Vogels & Abbott 2005) on Neuromorph and on Brian2 2.5.1, same model, same biological time, alternating for
# ROUNDS rounds (default 3: this machine is shared and noisy; the table gives medians over the rounds).
# Usage: bench/run-cuba-bench.sh [N ...]   (default 4000 16000 64000). Writes bench/results/cuba.jsonl and prints a table.
# Brian2 runs its cython and cpp_standalone targets (each compiles first: that time is in its end-to-end figure).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source bench/prepare.sh
prepare_bench cuba python3-brian python3-numpy python3-scipy cython3 g++
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(4000 16000 64000)
for round in $(seq "${ROUNDS:-3}"); do
    for n in "${sizes[@]}"; do
        # groups below 32768 neurons never split a step, so a second thread is only tried above that
        threads_list="1"
        [ "$n" -lt 32768 ] || threads_list="1 2"
        for threads in $threads_list; do
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
done
/usr/bin/python3 - "$OUT" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def size(r):
    return r.get('params', {}).get('N', r.get('N'))
def key(r):
    if r.get('simulator') == 'neuromorph':
        return (size(r), 'Neuromorph (7 seeds)', r.get('threads', 1))
    return (size(r), 'Brian2 ' + r['target'] + (' (OpenMP)' if (r.get('threads') or 0) > 1 else ''),
            max(1, r.get('threads') or 1))
groups = {}
for r in rows:
    groups.setdefault(key(r), []).append(r)
def loop(r):
    return r['t_sim_loop_s'] if r.get('simulator') == 'neuromorph' else r['timings']['t_sim_loop_s']
def total(r):
    return r['t_total_s'] if r.get('simulator') == 'neuromorph' else r['timings']['t_total_s']
med = statistics.median
print(f"medians over {max(len(g) for g in groups.values())} rounds")
print('| N | simulator | threads | rate (Hz) | silent | loop (s) | loop, each round (s) | first run (s) | end to end (s) |')
print('|---|---|---|---|---|---|---|---|---|')
for k in sorted(groups, key=lambda k: (k[0], not k[1].startswith('Neuromorph'), k[1], k[2])):
    g = groups[k]
    r0 = g[0]
    if r0.get('simulator') == 'neuromorph':
        lo, hi = r0['mean_rate_hz_range']
        slo, shi = r0['frac_silent_range']
        rate, silent, first = f"{lo:.2f}–{hi:.2f}", f"{slo:.1%}–{shi:.1%}", f"{med([r['t_sim_loop_first_s'] for r in g]):.3f}"
    else:
        rate, silent, first = f"{r0['results']['mean_rate_hz']:.2f}", f"{r0['results']['frac_silent']:.1%}", ''
    each = ' / '.join(f"{loop(r):.3f}" for r in g)
    print(f"| {k[0]} | {k[1]} | {k[2]} | {rate} | {silent} | {med([loop(r) for r in g]):.3f} | {each} | {first} "
          f"| {med([total(r) for r in g]):.1f} |")
print()
for n in sorted({k[0] for k in groups}):
    ours = med([loop(r) for r in groups[(n, 'Neuromorph (7 seeds)', 1)]])
    fastest = min(med([loop(r) for r in g]) for k, g in groups.items() if k[0] == n and k[1].startswith('Brian2'))
    ours_total = med([total(r) for r in groups[(n, 'Neuromorph (7 seeds)', 1)]])
    fastest_total = min(med([total(r) for r in g]) for k, g in groups.items() if k[0] == n and k[1].startswith('Brian2'))
    print(f"N = {n}: loop {ours / fastest:.2f}× Brian2's fastest target (medians), end to end "
          f"{fastest_total / ours_total:.1f}× sooner")
PY

#!/usr/bin/env bash
# Song, Miller & Abbott 2000 (1000 Poisson inputs, additive STDP, 100 s of biological time) on Neuromorph and on
# Brian2 2.5.1 (cython and cpp_standalone targets, anchor bench/anchors/brian2/stdp_song.py) in one run.
# Writes bench/results/stdp_song.jsonl and prints a table.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
prepare_bench stdp_song python3-brian python3-numpy python3-scipy cython3 g++
java -cp "$CP" org.neuromorph.bench.SongBench 1000 100 12345 3 | tee -a "$OUT"
for target in cython cpp_standalone; do
    build_dir=$(mktemp -d)
    /usr/bin/python3 bench/anchors/brian2/stdp_song.py --duration 100 --target "$target" \
        --build-dir "$build_dir" --cython-cache-dir "$build_dir/cython" 2>/dev/null | tee -a "$OUT"
    rm -rf "$build_dir"
done
/usr/bin/python3 - "$OUT" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print('| simulator | mean w / g_max | w < 0.1 g_max | w > 0.9 g_max | rate (Hz) | loop (s) | end to end (s) |')
print('|---|---|---|---|---|---|---|')
for r in rows:
    if r.get('simulator') == 'neuromorph':
        res, loop, total, name = r, r['t_sim_loop_s'], r['t_total_s'], f"Neuromorph (median of {r['repeats']})"
    else:
        res, loop, total, name = r['results'], r['timings']['t_sim_loop_s'], r['timings']['t_total_s'], \
            f"Brian2 {r['target']}"
    print(f"| {name} | {res['w_mean_over_gmax']:.3f} | {res['frac_w_below_0.1gmax']:.3f} | "
          f"{res['frac_w_above_0.9gmax']:.3f} | {res['output_rate_hz']:.2f} | {loop:.2f} | {total:.1f} |")
PY

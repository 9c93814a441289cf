#!/usr/bin/env bash
# Ideal crossbar reads (Neuromorph, float64) beside numpy/OpenBLAS matrix-vector products (float32 and float64), and
# the IR-drop solve's time by array size, in one run. Writes bench/results/mvm.jsonl and prints a table.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source bench/prepare.sh
prepare_bench mvm python3-numpy
java -Xmx4g -cp "$CP" org.neuromorph.bench.MvmBench | tee -a "$OUT"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 bench/anchors/mvm/numpy_mvm.py | tee -a "$OUT"
/usr/bin/python3 - "$OUT" <<'PY'
import json, sys
ours, numpy = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
np = {(r['dtype'], r['n']): r['gflops'] for r in numpy['mvm']}
print('| n | Neuromorph ideal read, float64 (GFLOP/s) | numpy float64 | ratio | numpy float32 | ratio |')
print('|---|---|---|---|---|---|')
for r in ours['mvm']:
    n = r['n']; f64 = np.get(('float64', n)); f32 = np.get(('float32', n))
    print(f"| {n} | {r['gflops']:.2f} | {f64:.2f} | {r['gflops'] / f64:.2f} | {f32:.2f} | {r['gflops'] / f32:.2f} |")
print()
print('| array | IR-drop full solve (ms) | iterations |')
print('|---|---|---|')
for r in ours['ir_drop_full']:
    print(f"| {r['n']} × {r['n']} | {r['s_median'] * 1e3:.1f} | {r['iterations']} |")
print()
print('| array | wire (Ω) | worst relative drop | first-order error | error / drop² |')
print('|---|---|---|---|---|')
for r in ours['first_order']:
    d, e = r['worst_drop'], r['first_order_error']
    print(f"| {r['n']} × {r['n']} | {r['wire_ohm']} | {d:.4f} | {e:.5f} | {e / d / d:.2f} |")
PY

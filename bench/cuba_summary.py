"""Summarises bench/results/cuba.jsonl (written by run-cuba-bench.sh): a Markdown table of medians over the rounds,
then each size's ratio of our loop to Brian2's fastest target. Usage: python3 bench/cuba_summary.py FILE"""
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def size(r):
    return r.get('params', {}).get('N', r.get('N'))
def key(r):
    if r.get('simulator') == 'neuromorph':
        return (size(r), 'Neuromorph (7 seeds)' if r.get('simd') else 'Neuromorph scalar (7 seeds)', r.get('threads', 1))
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
def fastest(n, who, measure):
    """The lowest median of measure among the rows of size n whose simulator name starts with who."""
    return min(med([measure(r) for r in g]) for k, g in groups.items() if k[0] == n and k[1].startswith(who))
for n in sorted({k[0] for k in groups}):
    single = groups[(n, 'Neuromorph (7 seeds)', 1)]
    ours, ours_total = med([loop(r) for r in single]), med([total(r) for r in single])
    fastest_loop, fastest_total = fastest(n, 'Brian2', loop), fastest(n, 'Brian2', total)
    best = fastest(n, 'Neuromorph', loop)
    scalar = groups.get((n, 'Neuromorph scalar (7 seeds)', 1))
    scalar = f", {med([loop(r) for r in scalar]) / fastest_loop:.2f}× scalar" if scalar else ''
    print(f"N = {n}: loop {ours / fastest_loop:.2f}× Brian2's fastest target (medians; single-threaded in lanes), "
          f"{best / fastest_loop:.2f}× with our faster thread count{scalar}, "
          f"end to end {fastest_total / ours_total:.1f}× sooner")

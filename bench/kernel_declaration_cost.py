#!/usr/bin/python3
"""What one declared variable costs a kernel in memory, by class histograms of its JVM (jcmd) at two points.

Declares --first variables (`int vN = N;` / `val vN = N`), takes a class histogram (which collects first) and the
metaspace in use, declares up to half-way to --last and to --last, taking them again each time, and divides each
half's growth by its variables: heap bytes per variable by class (the smaller of the two halves, so that a one-off
falling in one of them is not counted), and metaspace per variable. The long-session soak (kernel_soak.py) shows the
resident memory this adds up to; this script shows where it goes. Writes JSON to --out.
"""
import argparse
import json
import re
import subprocess
import time

import psutil
from jupyter_client.manager import start_new_kernel


def java_pid(pid):
    process = psutil.Process(pid)
    return next(p.pid for p in [process] + process.children(recursive=True) if 'java' in p.name())


def jcmd(pid, *command):
    return subprocess.run(['jcmd', str(pid), *command], capture_output=True, text=True, check=True).stdout


def snapshot(pid):
    """Bytes and instances by class after a full collection, and metaspace in use (KiB)."""
    histogram = {}
    for line in jcmd(pid, 'GC.class_histogram').splitlines():
        m = re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)', line)
        if m:
            histogram[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    metaspace = re.search(r'Metaspace\s+used (\d+)K', jcmd(pid, 'GC.heap_info'))
    return histogram, int(metaspace.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--language', choices=['java', 'kotlin'], default='java')
    ap.add_argument('--first', type=int, default=2000)
    ap.add_argument('--last', type=int, default=6000)
    ap.add_argument('--out', default=None, help='default bench/results/kernel_declaration_cost_LANGUAGE.json')
    args = ap.parse_args()
    java = args.language == 'java'
    km, kc = start_new_kernel(kernel_name='neuromorph-' + args.language, startup_timeout=120)
    pid = java_pid(km.provisioner.process.pid)
    quiet = {'timeout': 120, 'output_hook': lambda m: None}
    failures = 0

    def declare(start, stop):
        nonlocal failures
        for k in range(start, stop):
            reply = kc.execute_interactive(f'int v{k} = {k};' if java else f'val v{k} = {k}', **quiet)
            failures += reply['content']['status'] != 'ok'

    def settled_snapshot():
        # a completion, then a pause: JShell indexes the class path (a jar index of some megabytes) anew for each
        # generation in the background; both snapshots must see it built, or its megabytes count as variables
        kc.complete('v1', 2, reply=True, timeout=60)
        time.sleep(10)
        return snapshot(pid)

    middle = (args.first + args.last) // 2
    declare(0, args.first)
    snapshots = [settled_snapshot()]
    declare(args.first, middle)
    snapshots.append(settled_snapshot())
    declare(middle, args.last)
    snapshots.append(settled_snapshot())
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    # per class, the smaller growth of the two halves: what grows with the variables grows in both, while a one-off
    # (a jar index opened, a compiler's state at the moment) falls in one half only
    intervals = [(middle - args.first, snapshots[0], snapshots[1]), (args.last - middle, snapshots[1], snapshots[2])]
    classes = set().union(*(s[0] for s in snapshots))
    rows = []
    for c in classes:
        growth = [((b[0].get(c, (0, 0))[1] - a[0].get(c, (0, 0))[1]) / n,
                   (b[0].get(c, (0, 0))[0] - a[0].get(c, (0, 0))[0]) / n) for n, a, b in intervals]
        rows.append(min(growth) + (c,))
    rows.sort(reverse=True)
    metaspace = min((b[1] - a[1]) * 1024 / n for n, a, b in intervals)
    n = args.last - args.first
    result = {'kernel': 'neuromorph-' + args.language, 'variables': n, 'failures': failures,
              'heap_bytes_per_variable': round(sum(max(r[0], 0) for r in rows)),
              'metaspace_bytes_per_variable': round(metaspace),
              'by_class': [{'class': c, 'bytes_per_variable': round(b, 1), 'instances_per_variable': round(i, 2)}
                           for b, i, c in rows[:15]]}
    with open(args.out or f'bench/results/kernel_declaration_cost_{args.language}.json', 'w') as f:
        json.dump(result, f, indent=1)
    print(f"{result['kernel']}: {n} variables, heap {result['heap_bytes_per_variable']} B and metaspace "
          f"{result['metaspace_bytes_per_variable']} B per variable ({failures} failures)")
    for row in result['by_class'][:10]:
        print(f"  {row['bytes_per_variable']:8.1f} B  {row['instances_per_variable']:5.2f}  {row['class']}")


if __name__ == '__main__':
    main()

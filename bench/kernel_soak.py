#!/usr/bin/python3
"""Soak: the Java kernel under a steady load for --minutes (default 10), driven by Debian's jupyter_client.

The load is the test suite's (test_reliability.py): nine in ten cells are expressions over existing variables, one
in ten compiles a new declaration, and every tenth cycle asks for a completion. Every --window seconds it records
the resident memory of the kernel's process tree and the latency percentiles of that window, so growth over time
shows. Prints a Markdown table and writes JSON to --out.
"""
import argparse
import json
import statistics
import time

import psutil
from jupyter_client.manager import start_new_kernel


def rss_mib(pid):
    p = psutil.Process(pid)
    return sum(x.memory_info().rss for x in [p] + p.children(recursive=True)) / 2 ** 20


def quantile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--minutes', type=float, default=10)
    ap.add_argument('--window', type=float, default=60)
    ap.add_argument('--kernel', default='neuromorph-java')
    ap.add_argument('--out', default='bench/results/kernel_soak.json')
    args = ap.parse_args()
    km, kc = start_new_kernel(kernel_name=args.kernel, startup_timeout=120)
    pid = km.provisioner.process.pid
    quiet = {'timeout': 120, 'output_hook': lambda m: None}
    kc.execute_interactive('int soakBase = 1;', **quiet)
    windows = []
    failures = 0
    k = 0
    end = time.monotonic() + args.minutes * 60
    while time.monotonic() < end:
        window_end = min(end, time.monotonic() + args.window)
        executes, completions = [], []
        while time.monotonic() < window_end:
            code = f'int soak{k} = {k};' if k % 10 == 0 else ('soakBase + 1' if k % 2 else '1+1')
            t = time.perf_counter()
            reply = kc.execute_interactive(code, **quiet)
            executes.append(time.perf_counter() - t)
            failures += reply['content']['status'] != 'ok'
            if k % 10 == 5:
                t = time.perf_counter()
                kc.complete('soakB', 5, reply=True, timeout=30)
                completions.append(time.perf_counter() - t)
            k += 1
        windows.append({'minute': round((time.monotonic() - (end - args.minutes * 60)) / 60, 2),
                        'cells': len(executes), 'execute_p50_ms': round(quantile(executes, 0.5) * 1e3, 2),
                        'execute_p99_ms': round(quantile(executes, 0.99) * 1e3, 2),
                        'complete_p50_ms': round(statistics.median(completions) * 1e3, 2) if completions else None,
                        'rss_mib': round(rss_mib(pid), 1)})
        print(json.dumps(windows[-1]), flush=True)
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    result = {'kernel': args.kernel, 'minutes': args.minutes, 'cells': k, 'failures': failures, 'windows': windows,
              'rss_growth_after_first_window_mib': round(windows[-1]['rss_mib'] - windows[0]['rss_mib'], 1)}
    with open(args.out, 'w') as f:
        json.dump(result, f, indent=1)
    print('| minute | cells | execute p50 (ms) | execute p99 (ms) | completion p50 (ms) | RSS (MiB) |')
    print('|---|---|---|---|---|---|')
    for w in windows:
        print(f"| {w['minute']} | {w['cells']} | {w['execute_p50_ms']} | {w['execute_p99_ms']} | "
              f"{w['complete_p50_ms']} | {w['rss_mib']} |")
    print(f'{k} cells, {failures} failures, RSS growth after the first window '
          f"{result['rss_growth_after_first_window_mib']} MiB")


if __name__ == '__main__':
    main()

#!/usr/bin/python3
"""Soak: a kernel (Java or Kotlin) under a steady load for --minutes (default 30), driven by Debian's jupyter_client.

The load is the test suite's (test_reliability.py): nine in ten cells are expressions over existing variables, one
in ten compiles a new declaration, and every tenth cycle asks for a completion. Every --window seconds it records
the resident memory of the kernel's process tree and the latency percentiles of that window, so growth over time
shows. At the end every variable declared is read back (in cells summing a few hundred each). Prints a Markdown
table and the targets of issue 26 (resident memory after the fifth minute growing by at most 25 %, completion p50
at most 30 ms and execute p99 at most 60 ms in the last window, every cell answered, every variable readable), and
writes JSON to --out.
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


def read_back(kc, numbers, quiet, per_cell=400):
    """How many of the variables soakN (N in numbers) a cell still reads with their values."""
    readable = 0
    for start in range(0, len(numbers), per_cell):
        chunk = numbers[start:start + per_cell]
        outputs = []
        hook = {'timeout': 120, 'output_hook': lambda m: outputs.append(m)}
        reply = kc.execute_interactive('0L + ' + ' + '.join(f'soak{n}' for n in chunk), **hook)
        got = [m['content']['data']['text/plain'] for m in outputs if m['msg_type'] == 'execute_result']
        if reply['content']['status'] == 'ok' and got and int(got[0]) == sum(chunk):
            readable += len(chunk)
    return readable


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--minutes', type=float, default=30)
    ap.add_argument('--window', type=float, default=60)
    ap.add_argument('--language', choices=['java', 'kotlin'], default='java')
    ap.add_argument('--out', default=None, help='default bench/results/kernel_soak_LANGUAGE.json')
    args = ap.parse_args()
    java = args.language == 'java'
    declare = (lambda k: f'int soak{k} = {k};') if java else (lambda k: f'val soak{k} = {k}')
    km, kc = start_new_kernel(kernel_name='neuromorph-' + args.language, startup_timeout=120)
    pid = km.provisioner.process.pid
    quiet = {'timeout': 120, 'output_hook': lambda m: None}
    kc.execute_interactive('int soakBase = 1;' if java else 'val soakBase = 1', **quiet)
    windows = []
    failures = 0
    k = 0
    end = time.monotonic() + args.minutes * 60
    while time.monotonic() < end:
        window_end = min(end, time.monotonic() + args.window)
        executes, completions = [], []
        while time.monotonic() < window_end:
            code = declare(k) if k % 10 == 0 else ('soakBase + 1' if k % 2 else '1+1')
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
    readable = read_back(kc, list(range(0, k, 10)), quiet)
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    fifth = next((w for w in windows if w['minute'] >= 5), windows[0])
    last = windows[-1]
    result = {'kernel': 'neuromorph-' + args.language, 'minutes': args.minutes, 'cells': k, 'failures': failures,
              'variables_declared': len(range(0, k, 10)), 'variables_readable': readable, 'windows': windows,
              'rss_growth_after_minute_5_percent': round(100 * (last['rss_mib'] / fifth['rss_mib'] - 1), 1)}
    result['targets_met'] = {
        'rss_growth_after_minute_5_at_most_25_percent': result['rss_growth_after_minute_5_percent'] <= 25,
        'completion_p50_at_most_30_ms': (last['complete_p50_ms'] or 0) <= 30,
        'execute_p99_at_most_60_ms': last['execute_p99_ms'] <= 60,
        'every_cell_answered': failures == 0,
        'every_variable_readable': readable == result['variables_declared']}
    with open(args.out or f'bench/results/kernel_soak_{args.language}.json', 'w') as f:
        json.dump(result, f, indent=1)
    print('| minute | cells | execute p50 (ms) | execute p99 (ms) | completion p50 (ms) | RSS (MiB) |')
    print('|---|---|---|---|---|---|')
    for w in windows:
        print(f"| {w['minute']} | {w['cells']} | {w['execute_p50_ms']} | {w['execute_p99_ms']} | "
              f"{w['complete_p50_ms']} | {w['rss_mib']} |")
    print(f"{k} cells, {failures} failures, {readable} of {result['variables_declared']} variables readable, "
          f"RSS growth after minute 5 {result['rss_growth_after_minute_5_percent']} %")
    print('targets met:', json.dumps(result['targets_met']))


if __name__ == '__main__':
    main()

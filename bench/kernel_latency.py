#!/usr/bin/python3
"""Kernel latency and memory, measured with Debian's jupyter_client, for our kernel and ipykernel in one run.

For each kernel:
  * cold start: from launching the kernel process to the first kernel_info_reply (median of --starts runs);
  * round trip: --cells trivial executes (`1+1` and `x + 1` on a defined variable, alternating), send to reply,
    median and p99;
  * memory: resident set size of the kernel's process tree after those cells (psutil).
Prints a Markdown table and writes JSON to --out. Not a test: the machine is noisy, so compare ratios.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import psutil
from jupyter_client.manager import KernelManager

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def percentile(values, q):
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(q / 100.0 * (len(values) - 1)))))
    return values[k]


def tree_rss(pid):
    p = psutil.Process(pid)
    return sum(x.memory_info().rss for x in [p] + p.children(recursive=True))


def measure(kernel_name, define, trivial, starts, cells):
    start_times = []
    result = {}
    for i in range(starts):
        km = KernelManager(kernel_name=kernel_name)
        t0 = time.perf_counter()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=120)   # returns on the first kernel_info_reply
        start_times.append(time.perf_counter() - t0)
        if i == starts - 1:
            kc.execute_interactive(define, timeout=120)
            rtts = []
            for k in range(cells):
                code = trivial[k % len(trivial)]
                t = time.perf_counter()
                reply = kc.execute_interactive(code, timeout=60, output_hook=lambda m: None)
                rtts.append(time.perf_counter() - t)
                assert reply['content']['status'] == 'ok', reply['content']
            result['rtt_median_ms'] = statistics.median(rtts) * 1e3
            result['rtt_p99_ms'] = percentile(rtts, 99) * 1e3
            result['rss_mib'] = tree_rss(km.provisioner.process.pid) / 2 ** 20
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    result['cold_start_median_s'] = statistics.median(start_times)
    result['cold_start_all_s'] = start_times
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--starts', type=int, default=5)
    ap.add_argument('--cells', type=int, default=200)
    ap.add_argument('--out', default=os.path.join(HERE, 'results', 'kernel_latency.json'))
    args = ap.parse_args()

    jar = os.path.join(ROOT, 'kernel', 'target', 'neuromorph.jar')
    prefix = tempfile.mkdtemp(prefix='neuromorph-bench-')
    subprocess.run(['java', '-jar', jar, 'install', '--prefix', prefix], check=True, stdout=subprocess.DEVNULL)
    os.environ['JUPYTER_PATH'] = os.path.join(prefix, 'share', 'jupyter')

    results = {
        'neuromorph-java': measure('neuromorph-java', 'int x = 1;', ['1+1', 'x + 1'], args.starts, args.cells),
        'ipykernel': measure('python3', 'x = 1', ['1+1', 'x + 1'], args.starts, args.cells),
    }
    results['machine'] = {'cpus': os.cpu_count(), 'python': sys.version.split()[0]}
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, 'w') as f:
        json.dump(results, f, indent=1)

    j, p = results['neuromorph-java'], results['ipykernel']
    print('| measure | Neuromorph (Java) | ipykernel | ratio |')
    print('|---|---|---|---|')
    for key, label in [('cold_start_median_s', 'cold start to kernel_info_reply (s, median)'),
                       ('rtt_median_ms', 'trivial execute round trip (ms, median)'),
                       ('rtt_p99_ms', 'trivial execute round trip (ms, p99)'),
                       ('rss_mib', 'resident memory after the cells (MiB)')]:
        print(f'| {label} | {j[key]:.3g} | {p[key]:.3g} | {j[key] / p[key]:.2f}× |')


if __name__ == '__main__':
    main()

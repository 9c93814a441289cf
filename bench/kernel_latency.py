#!/usr/bin/python3
"""Kernel latency and memory, measured with Debian's jupyter_client, for our two kernels and ipykernel in one run.

For each kernel:
  * cold start: from launching the kernel process to the first kernel_info_reply (median of --starts runs);
  * round trip: --cells trivial executes (`1+1` and `x + 1` on a defined variable, alternating), send to reply,
    median and p99;
  * first cell: from the first kernel_info_reply to the reply of the first trivial cell (compilers warming up),
    median over the starts;
  * completion: --cells complete_requests on a defined name, send to reply, median;
  * interrupt: a busy-looping cell is interrupted (interrupt_kernel: a message or a signal, as the kernelspec
    says) and the time to its execute_reply is taken, median of 5;
  * memory: resident set size of the kernel's process tree after those cells (psutil).
Prints a Markdown table and writes JSON to --out. Not a test: the machine is noisy, so compare ratios.

Other JVM kernels run beside ours with --java-kernel NAME (repeatable), the name of an installed kernelspec that
runs Java cells. JJava, for instance, is built from its public source outside this repository
(https://github.com/dflib/jjava: `mvn package`, then `jupyter kernelspec install` of its kernel directory, which
names the spec `java`), and measured with `bench/run-kernel-bench.sh --java-kernel java`; its kernelspec directory
must be on JUPYTER_PATH or in a standard Jupyter location.
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


def timed(action):
    t = time.perf_counter()
    action()
    return time.perf_counter() - t


def interrupt_latency(km, kc, busy):
    msg_id = kc.execute(busy)
    time.sleep(0.5)
    t = time.perf_counter()
    km.interrupt_kernel()
    while True:
        reply = kc.get_shell_msg(timeout=30)
        if reply['parent_header'].get('msg_id') == msg_id:
            return time.perf_counter() - t


def measure(kernel_name, spec, starts, cells):
    """spec: define (a cell defining a name), trivial (cells), complete (code whose end is completed), busy."""
    start_times = []
    first_cells = []
    result = {}
    quiet = {'timeout': 120, 'output_hook': lambda m: None}
    for i in range(starts):
        km = KernelManager(kernel_name=kernel_name)
        t0 = time.perf_counter()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=120)   # returns on the first kernel_info_reply
        start_times.append(time.perf_counter() - t0)
        first_cells.append(timed(lambda: kc.execute_interactive(spec['trivial'][0], **quiet)))
        if i == starts - 1:
            kc.execute_interactive(spec['define'], **quiet)
            rtts = []
            for k in range(cells):
                code = spec['trivial'][k % len(spec['trivial'])]
                t = time.perf_counter()
                reply = kc.execute_interactive(code, **quiet)
                rtts.append(time.perf_counter() - t)
                assert reply['content']['status'] == 'ok', reply['content']
            result['rtt_median_ms'] = statistics.median(rtts) * 1e3
            result['rtt_p99_ms'] = percentile(rtts, 99) * 1e3
            code = spec['complete']
            completions = [timed(lambda: kc.complete(code, len(code), reply=True, timeout=30)) for _ in range(cells)]
            result['complete_median_ms'] = statistics.median(completions) * 1e3
            result['interrupt_median_ms'] = statistics.median(
                [interrupt_latency(km, kc, spec['busy']) for _ in range(5)]) * 1e3
            result['rss_mib'] = tree_rss(km.provisioner.process.pid) / 2 ** 20
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    result['cold_start_median_s'] = statistics.median(start_times)
    result['cold_start_all_s'] = start_times
    result['first_cell_s'] = statistics.median(first_cells)
    result['first_cell_all_s'] = first_cells
    return result


KERNELS = {
    'neuromorph-java': {'define': 'int xValue = 1;', 'trivial': ['1+1', 'xValue + 1'], 'complete': 'xVal',
                        'busy': 'while (true) { }'},
    'neuromorph-kotlin': {'define': 'val xValue = 1', 'trivial': ['1+1', 'xValue + 1'], 'complete': 'xVal',
                          'busy': 'while (true) { }'},
    'python3': {'define': 'x_value = 1', 'trivial': ['1+1', 'x_value + 1'], 'complete': 'x_val',
                'busy': 'while True: pass'},
}
LABELS = {'neuromorph-java': 'Neuromorph (Java)', 'neuromorph-kotlin': 'Neuromorph (Kotlin)', 'python3': 'ipykernel'}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--starts', type=int, default=5)
    ap.add_argument('--cells', type=int, default=200)
    ap.add_argument('--out', default=os.path.join(HERE, 'results', 'kernel_latency.json'))
    ap.add_argument('--java-kernel', action='append', default=[],
                    help='another installed kernelspec for Java cells to measure too (e.g. JJava\'s "java")')
    args = ap.parse_args()
    for name in args.java_kernel:
        KERNELS[name] = dict(KERNELS['neuromorph-java'])
        LABELS[name] = name

    jar = os.path.join(ROOT, 'kernel', 'target', 'neuromorph.jar')
    prefix = tempfile.mkdtemp(prefix='neuromorph-bench-')
    subprocess.run(['java', '-jar', jar, 'install', '--prefix', prefix], check=True, stdout=subprocess.DEVNULL)
    # ours first on the path; kernelspecs installed elsewhere (JJava) stay visible after it
    os.environ['JUPYTER_PATH'] = os.pathsep.join(
        [os.path.join(prefix, 'share', 'jupyter')] + [p for p in os.environ.get('JUPYTER_PATH', '').split(os.pathsep) if p])

    results = {name: measure(name, spec, args.starts, args.cells) for name, spec in KERNELS.items()}
    results['machine'] = {'cpus': os.cpu_count(), 'python': sys.version.split()[0]}
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, 'w') as f:
        json.dump(results, f, indent=1)

    names = [n for n in KERNELS if n != 'python3'] + ['python3']
    print('| measure | ' + ' | '.join(LABELS[n] for n in names) + ' | ratio to ipykernel |')
    print('|---|' + '---|' * len(names) + '---|')
    p = results['python3']
    for key, label in [('cold_start_median_s', 'cold start to kernel_info_reply (s, median)'),
                       ('first_cell_s', 'first trivial cell after start (s, median)'),
                       ('rtt_median_ms', 'trivial execute round trip (ms, median)'),
                       ('rtt_p99_ms', 'trivial execute round trip (ms, p99)'),
                       ('complete_median_ms', 'completion round trip (ms, median)'),
                       ('interrupt_median_ms', 'interrupt to execute_reply (ms, median)'),
                       ('rss_mib', 'resident memory after the cells (MiB)')]:
        row = ' | '.join(f'{results[n][key]:.3g}' for n in names)
        ratios = ', '.join(f'{results[n][key] / p[key]:.2f}×' for n in names if n != 'python3')
        print(f'| {label} | {row} | {ratios} |')

if __name__ == '__main__':
    main()

#!/usr/bin/python3
"""One sweep, three engines, in one kernel: 64 runs of CUBA (4000 neurons, 1 s of network time, seeded by run)
in process (this JVM's cores), on Spark local[2] (two task threads in the kernel's JVM, cells' code through the
class server as on a cluster) and on a standalone cluster on loopback (a master and two one-core workers, each
executor a JVM of its own): each Spark engine's --rounds sweeps in a block (one Spark application per JVM), an
in-process sweep between every two. On this 2-core machine all three have two cores,
so the ratio to in-process is Spark's cost. Also: each Spark engine's start and its first sweep (cold executors,
JIT included), and whether the three tables are equal. Writes bench/results/spark_sweep.json and prints a table.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, 'kernel', 'src', 'test', 'python'))
from spark_cluster import JAR, JAVA, Cluster  # noqa: E402

EXPERIMENT = '''
Map<String, ?> cuba(Sweep.Point p) {
    Network net = ReferenceNetworks.cuba(NEURONS, p.seed());
    var spikes = net.monitorSpikes(net.populations().get("P"));
    net.run(s(1));
    return Map.of("rate", spikes.meanRate());
}
Table last;
double timed(Sweep.Engine engine) {
    long t0 = System.nanoTime();
    last = engine.sweep("run", java.util.stream.IntStream.range(0, RUNS).boxed().toList(), p -> cuba(p));
    return (System.nanoTime() - t0) / 1e9;
}
'''


def value(kc, code, timeout=1800):
    found = []

    def hook(msg):
        if msg['msg_type'] == 'execute_result':
            found.append(msg['content']['data']['text/plain'])
        elif msg['msg_type'] == 'error':
            raise RuntimeError(f"{code!r}: {msg['content']['ename']}: {msg['content']['evalue']}")

    kc.execute_interactive(code, timeout=timeout, output_hook=hook)
    return found[-1] if found else None


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--rounds', type=int, default=3)
    parser.add_argument('--runs', type=int, default=64)
    parser.add_argument('--neurons', type=int, default=4000)
    parser.add_argument('--out', default=os.path.join(HERE, 'results', 'spark_sweep.json'))
    args = parser.parse_args()

    prefix = tempfile.mkdtemp(prefix='neuromorph-bench-kernels-')
    subprocess.run([JAVA, '-jar', JAR, 'install', '--prefix', prefix], check=True, stdout=subprocess.DEVNULL)
    os.environ['JUPYTER_PATH'] = os.path.join(prefix, 'share', 'jupyter')
    cluster = Cluster(workers=2)
    km, kc = start_new_kernel(kernel_name='neuromorph-java', startup_timeout=120)
    try:
        value(kc, f'int NEURONS = {args.neurons}; int RUNS = {args.runs};')
        value(kc, EXPERIMENT)
        # one Spark application per JVM: each Spark engine runs its rounds as a block (asking for the other master
        # would stop it), with an in-process sweep between its rounds, so in-process rounds interleave with both
        engines = {'in process': 'Sweep.inProcess()', 'Spark local[2]': 'spark("local[2]")',
                   'Spark cluster, 2 workers': f'spark("{cluster.url}")'}
        started, first, times, tables = {}, {}, {name: [] for name in engines}, {}

        def sweep(name, keep):
            seconds = float(value(kc, f'timed({engines[name]})'))
            (times[name] if keep else first.setdefault(name, [])).append(seconds)
            tables[name] = value(kc, 'last.print()')
            print(f'{name}: {seconds:.2f} s', file=sys.stderr, flush=True)

        sweep('in process', False)
        for name in list(engines)[1:]:
            started[name] = float(value(kc, f'long t0 = System.nanoTime(); var e = {engines[name]}; '
                                             f'(System.nanoTime() - t0) / 1e9'))
            sweep(name, False)
            for _ in range(args.rounds):
                sweep('in process', True)
                sweep(name, True)
        equal = len(set(tables.values())) == 1
        base = statistics.median(times['in process'])
        rows = []
        for name in engines:
            median = statistics.median(times[name])
            rows.append({'engine': name, 'start_s': started.get(name), 'first_sweep_s': first[name][0],
                         'median_sweep_s': median, 'rounds_s': times[name], 'ratio_to_in_process': median / base,
                         'overhead_per_run_ms': (median - base) / args.runs * 1e3})
        result = {'benchmark': 'spark_sweep', 'runs': args.runs, 'neurons': args.neurons, 'network_time_s': 1.0,
                  'rounds': args.rounds, 'cores': os.cpu_count(), 'tables_equal': equal, 'engines': rows,
                  'java': JAVA, 'date': time.strftime('%Y-%m-%d %H:%M')}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        cluster.stop()
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, 'w') as f:
        json.dump(result, f, indent=1)
    print(f'| engine | start (s) | first sweep (s) | sweep, median of {args.rounds} (s) | × in process '
          f'| Spark overhead per run (ms) |')
    print('|---|---|---|---|---|---|')
    for r in rows:
        start = '–' if r['start_s'] is None else f"{r['start_s']:.2f}"
        print(f"| {r['engine']} | {start} | {r['first_sweep_s']:.2f} | {r['median_sweep_s']:.2f} | "
              f"{r['ratio_to_in_process']:.2f} | {r['overhead_per_run_ms']:.1f} |")
    print(f'tables equal across engines: {equal}')


if __name__ == '__main__':
    main()

"""Sweeps on Apache Spark from notebook cells (issue 29): on local[2] in the kernel's JVM and on a standalone
cluster of a master and two workers on loopback, started here from the very jars the kernel resolves
(`neuromorph spark-jars`). A sweep whose experiment a cell defines (a method of one cell, a variable of another, a
lambda in a third) must give the in-process table, survive a killed worker and stop on an interrupt."""
import os
import queue
import re
import subprocess
import time

import pytest
from jupyter_client.manager import start_new_kernel

from conftest import JAR, JAVA, TIMEOUT, reply_to, results, run_cell
from spark_cluster import Cluster

# A cell's method and a variable of an earlier cell: executors must get both (the method's class from the kernel's
# class server, the variable's value with the experiment).
EXPERIMENT = '''
double gain = 2.0;
Map<String, ?> count(Sweep.Point p) {
    Network net = new Network().seed(p.seed());
    var m = net.monitorSpikes(net.poisson("in", 50, Hz(p.number("rate"))));
    net.run(s(0.2));
    return Map.of("spikes", gain * m.count());
}
Map<String, ?> slowly(Sweep.Point p, long millis) {
    try { Thread.sleep(millis); } catch (InterruptedException e) { throw new RuntimeException(e); }
    return count(p);
}
'''
RATES = 'List.of(5, 10, 20, 40, 80, 160)'


def ok(kc, code, timeout=TIMEOUT):
    reply, messages = run_cell(kc, code, timeout)
    errors = [m['content'] for m in messages if m['msg_type'] == 'error']
    assert reply['status'] == 'ok', (code, errors)
    return messages


def value(kc, code, timeout=TIMEOUT):
    found = results(ok(kc, code, timeout))
    assert found, code
    return found[-1]


def running_kernel(jupyter_path):
    km, kc = start_new_kernel(kernel_name='neuromorph-java', startup_timeout=TIMEOUT)
    return km, kc


@pytest.fixture(scope='module')
def cluster():
    c = Cluster()
    yield c
    c.stop()


@pytest.fixture(scope='module')
def local_kernel(jupyter_path):
    km, kc = running_kernel(jupyter_path)
    yield kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def test_a_sweep_on_local_spark_gives_the_in_process_table(local_kernel):
    kc = local_kernel
    ok(kc, EXPERIMENT)
    said = value(kc, '%spark local[2]', timeout=120)
    assert 'Spark at local[2] (2 cores)' in said, said
    table = value(kc, f'var onSpark = sweep("rate", {RATES}, p -> count(p)); onSpark', timeout=120)
    assert '160' in table and 'spikes' in table, table
    # the variable's value reached the runs: every count is doubled
    assert value(kc, 'onSpark.doubleColumn("spikes").asList().stream().allMatch(x -> x % 2 == 0)') == 'true'
    same = value(kc, f'Sweep.inProcess().sweep("rate", {RATES}, p -> count(p)).print().equals(onSpark.print())')
    assert same == 'true'


def test_a_lambda_a_body_reads_sends_the_cell_variables_it_reads_in_turn(local_kernel):
    kc = local_kernel
    ok(kc, 'double offset = 7.5;')
    ok(kc, 'java.util.function.DoubleUnaryOperator shift = (java.util.function.DoubleUnaryOperator & java.io.Serializable)'
           ' x -> x + offset;')
    ok(kc, 'offset = 9.5;')
    table = value(kc, 'spark("local[2]").sweep("rate", List.of(1, 2), p -> Map.of("y", shift.applyAsDouble('
                      'p.number("rate")), "tau", ms(20).si())).print()')
    assert '10.5' in table and '11.5' in table and '0.02' in table, table


def test_what_a_sweep_body_cannot_send_is_named(local_kernel):
    kc = local_kernel
    ok(kc, 'var net = new Network();')
    reply, messages = run_cell(kc, 'sweep("x", List.of(1, 2), p -> Map.of("n", (double) net.hashCode()))', 120)
    assert reply['status'] == 'error'
    text = reply['evalue']
    assert "variable 'net'" in text and 'org.neuromorph.network.Network' in text and 'inside the body' in text, text
    reply, _ = run_cell(kc, 'sweep("rule", List.of(stdp()), p -> Map.of("x", 1))', 120)
    assert reply['status'] == 'error' and "parameter 'rule'" in reply['evalue'], reply
    # nothing was lost: the session goes on
    assert value(kc, 'gain') == '2.0'


def test_an_interrupt_cancels_the_spark_job_and_the_kernel_goes_on(local_kernel, jupyter_path):
    kc = local_kernel
    msg_id = kc.execute(f'sweep("rate", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), p -> slowly(p, 3000))')
    time.sleep(3)
    started = time.monotonic()
    # the fixture's manager is not at hand: interrupt through the control channel, as a front end does
    msg = kc.session.msg('interrupt_request', {})
    kc.control_channel.send(msg)
    while True:
        reply = kc.get_shell_msg(timeout=60)
        if reply['parent_header'].get('msg_id') == msg_id:
            break
    assert reply['content']['status'] == 'error', reply['content']
    assert time.monotonic() - started < 10
    assert value(kc, 'gain * 2') == '4.0'
    table = value(kc, 'sweep("rate", List.of(5, 10), p -> count(p))', timeout=120)
    assert 'spikes' in table


def test_a_sweep_defined_in_cells_runs_on_a_two_worker_cluster(cluster, jupyter_path):
    km, kc = running_kernel(jupyter_path)
    try:
        ok(kc, EXPERIMENT)
        said = value(kc, f'%spark {cluster.url}', timeout=180)
        assert cluster.url in said, said
        table = value(kc, f'var onCluster = sweep("rate", {RATES}, p -> count(p)); onCluster', timeout=180)
        assert 'spikes' in table
        same = value(kc, f'Sweep.inProcess().sweep("rate", {RATES}, p -> count(p)).print()'
                         '.equals(onCluster.print())')
        assert same == 'true'
        # the runs ran in the workers' executors, two JVMs that are not the kernel's
        pids = value(kc, 'sweep("i", List.of(1, 2, 3, 4, 5, 6, 7, 8), p -> Map.of("pid", (double) '
                         'ProcessHandle.current().pid())).doubleColumn("pid").unique().asList()', timeout=180)
        kernel_pid = value(kc, '(double) ProcessHandle.current().pid()')
        assert kernel_pid not in pids, (pids, kernel_pid)

        # a worker killed mid-sweep: Spark reruns its runs on the other, and the table is whole and the same
        msg_id = kc.execute(f'var survived = sweep("rate", List.of(5, 10, 20, 40, 80, 160, 320, 640), '
                            'p -> slowly(p, 1500));')
        sent, killed, bars = time.monotonic(), False, []
        while time.monotonic() - sent < 180:
            if not killed and time.monotonic() - sent > 4:
                cluster.kill('worker1')
                killed = True
            try:
                msg = kc.get_iopub_msg(timeout=1)
            except queue.Empty:
                continue
            if msg['parent_header'].get('msg_id') != msg_id:
                continue
            if msg['msg_type'] in ('display_data', 'update_display_data'):
                bars.append(msg['content']['data']['text/plain'])
            if msg['msg_type'] == 'status' and msg['content']['execution_state'] == 'idle':
                break
        assert killed
        reply = reply_to(kc.get_shell_msg, msg_id)
        assert reply['content']['status'] == 'ok', reply['content']
        # the executors' finished runs reached the progress bar as they finished
        assert bars and 'run 8 of 8' in bars[-1], bars
        assert any(re.search(r'run [1-7] of 8', b) for b in bars), bars
        same = value(kc, 'Sweep.inProcess().sweep("rate", List.of(5, 10, 20, 40, 80, 160, 320, 640), '
                         'p -> count(p)).print().equals(survived.print())')
        assert same == 'true'
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_a_kotlin_sweep_reads_an_object_of_a_cell_on_spark(kotlin_kernel):
    _, kc = kotlin_kernel
    ok(kc, '''object Experiment {
    var gain = 3.0
    fun count(p: Sweep.Point): Map<String, Any> {
        val net = Network().seed(p.seed())
        val m = net.monitorSpikes(net.poisson("in", 50, Hz(p.number("rate"))))
        net.run(s(0.2))
        return mapOf("spikes" to gain * m.count())
    }
}''')
    # set in a later cell: the executors must see 4.0, not the initial 3.0
    ok(kc, 'Experiment.gain = 4.0')
    ok(kc, 'val onSpark = spark("local[2]").sweep("rate", listOf(5, 10, 20)) { p -> Experiment.count(p) }', 120)
    same = value(kc, 'sweep("rate", listOf(5, 10, 20)) { p -> Experiment.count(p) }.print() == onSpark.print()')
    assert same == 'true'
    assert value(kc, 'onSpark.doubleColumn("spikes").asList().all { it % 4.0 == 0.0 }') == 'true'
    # a cell's own function captures its script object: refused with what to do instead
    ok(kc, 'fun twice(p: Sweep.Point) = mapOf("x" to 2 * p.number("rate"))')
    reply, _ = run_cell(kc, 'spark("local[2]").sweep("rate", listOf(1)) { p -> twice(p) }', 120)
    assert reply['status'] == 'error' and 'declare what the body needs in an object' in reply['evalue'], reply


def test_neuromorph_run_takes_its_engine_from_the_environment(tmp_path):
    script = tmp_path / 'sweep.jsh'
    script.write_text('System.out.println("engine: " + Sweep.engine());\n'
                      'var t = sweep("x", List.of(1, 2, 3), p -> Map.of("y", p.number("x") * p.seed() % 7));\n'
                      'System.out.println("rows: " + t.rowCount());\n')
    env = dict(os.environ, NEUROMORPH_SPARK='local[2]')
    r = subprocess.run([JAVA, '-jar', JAR, 'run', str(script)], capture_output=True, text=True, timeout=300,
                       env=env, cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert r.returncode == 0, r.stdout + r.stderr
    report = (tmp_path / 'sweep.run.html').read_text()
    assert 'engine: Spark at local[2] (2 cores)' in report and 'rows: 3' in report, report[-2000:]

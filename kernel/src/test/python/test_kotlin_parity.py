"""The Java kernel's end-to-end tests that are not about Java syntax, run on the Kotlin kernel with Kotlin cells:
together with test_kotlin.py, both kernels pass the same suite."""
import base64
import os
import subprocess
import sys
import time

from conftest import JAR, JAVA, reply_to, results, run_cell, types


def test_execution_count_stdout_and_stderr(kotlin_kernel):
    _, kc = kotlin_kernel
    first, _ = run_cell(kc, '1')
    reply, msgs = run_cell(kc, 'println("to out ü"); System.err.println("to err")')
    assert reply['execution_count'] == first['execution_count'] + 1
    streams = [m['content'] for m in msgs if m['msg_type'] == 'stream']
    assert ''.join(s['text'] for s in streams if s['name'] == 'stdout') == 'to out ü\n'
    assert ''.join(s['text'] for s in streams if s['name'] == 'stderr') == 'to err\n'
    assert types(msgs)[0:2] == ['status', 'execute_input'] and types(msgs)[-1] == 'status'


def test_error_aborts_queued_cells(kotlin_kernel):
    _, kc = kotlin_kernel
    failing = kc.execute('throw RuntimeException("first fails")')
    queued = kc.execute('val neverDefined = 1')
    replies = {}
    while failing not in replies or queued not in replies:
        msg = kc.get_shell_msg(timeout=60)
        replies[msg['parent_header']['msg_id']] = msg['content']
    assert replies[failing]['status'] == 'error'
    assert replies[queued]['status'] == 'aborted'
    reply, _ = run_cell(kc, 'neverDefined')
    assert reply['status'] == 'error'


def test_display_update_and_clear_output(kotlin_kernel):
    _, kc = kotlin_kernel
    reply, msgs = run_cell(kc, 'display("first", "kstatus")\n'
                               'println("working")\n'
                               'clearOutput(true)\n'
                               'updateDisplay("kstatus", "second")')
    assert reply['status'] == 'ok', reply
    shown = [m for m in msgs if m['msg_type'] in ('display_data', 'stream', 'clear_output', 'update_display_data')]
    assert types(shown) == ['display_data', 'stream', 'clear_output', 'update_display_data']
    assert shown[0]['content']['transient'] == {'display_id': 'kstatus'}
    assert shown[2]['content'] == {'wait': True}
    assert shown[3]['content']['data']['text/plain'] == 'second'


def test_renderers_give_several_mime_types_and_a_failing_one_falls_back(kotlin_kernel):
    _, kc = kotlin_kernel
    reply, _ = run_cell(kc, 'data class KRatio(val a: Int, val b: Int)\n'
                            'Renderers.register(KRatio::class.java) { r -> mapOf("text/html" to "<b>${r.a}/${r.b}</b>") }\n'
                            'data class KBroken(val x: Int)\n'
                            'Renderers.register(KBroken::class.java) { _ -> throw IllegalStateException("no picture") }')
    assert reply['status'] == 'ok', reply
    _, msgs = run_cell(kc, 'KRatio(3, 4)')
    data = [m['content']['data'] for m in msgs if m['msg_type'] == 'execute_result'][0]
    assert data['text/html'] == '<b>3/4</b>' and data['text/plain'] == 'KRatio(a=3, b=4)'
    reply, msgs = run_cell(kc, 'KBroken(5)')
    assert reply['status'] == 'ok'
    data = [m['content']['data'] for m in msgs if m['msg_type'] == 'execute_result'][0]
    assert data == {'text/plain': 'KBroken(x=5)'}
    errs = ''.join(m['content']['text'] for m in msgs if m['msg_type'] == 'stream' and m['content']['name'] == 'stderr')
    assert 'no picture' in errs


def test_interrupt_stops_threads_the_cell_started(kotlin_kernel):
    km, kc = kotlin_kernel
    run_cell(kc, 'val kticks = java.util.concurrent.atomic.AtomicLong()\n'
                 'val kspinner = Thread { while (true) kticks.incrementAndGet() }\n'
                 'kspinner.isDaemon = true')
    msg_id = kc.execute('kspinner.start(); while (true) { }')
    time.sleep(1.5)
    km.interrupt_kernel()
    reply = reply_to(kc.get_shell_msg, msg_id, 10)['content']
    assert reply['ename'] == 'Interrupted'
    time.sleep(0.3)
    _, first = run_cell(kc, '"${kspinner.isAlive} ${kticks.get()}"')
    alive, count = results(first)[0].split()
    assert alive == 'false'
    time.sleep(0.3)
    _, second = run_cell(kc, 'kticks.get()')
    assert results(second) == [count]


def test_interrupt_while_waiting_for_input(kotlin_kernel):
    km, kc = kotlin_kernel
    msg_id = kc.execute('val kanswer = readLine()', allow_stdin=True)
    request = kc.get_stdin_msg(timeout=60)
    assert request['msg_type'] == 'input_request'
    km.interrupt_kernel()
    reply = reply_to(kc.get_shell_msg, msg_id, 10)['content']
    assert reply['status'] == 'error' and reply['ename'] == 'Interrupted', reply
    _, msgs = run_cell(kc, '1 + 1')
    assert results(msgs) == ['2']


def test_interrupt_stops_a_simulation(kotlin_kernel):
    km, kc = kotlin_kernel
    run_cell(kc, 'val klong = network { seed = 1 }\n'
                 'val ksrc = klong.poisson("src", 100, 50.Hz)\n'
                 'val kgrp = klong.group("grp", 100, lif { })\n'
                 'klong.connect(ksrc, kgrp, allToAll()) { weight = 0.5.mV }')
    msg_id = kc.execute('klong.run(100000.s)')
    time.sleep(1.5)
    km.interrupt_kernel()
    reply = reply_to(kc.get_shell_msg, msg_id, 10)['content']
    assert reply['status'] == 'error' and reply['ename'] == 'Interrupted', reply
    _, msgs = run_cell(kc, 'klong.time() > 0')
    assert results(msgs) == ['true']


def test_progress_bar_table_and_figure(kotlin_kernel):
    _, kc = kotlin_kernel
    reply, msgs = run_cell(kc, 'val kcuba = ReferenceNetworks.cuba(4000, 1)\n'
                               'val kspikes = kcuba.monitorSpikes(kcuba.populations()["P"])\n'
                               'kcuba.run(60.s)', timeout=300)
    assert reply['status'] == 'ok', reply
    bars = [m for m in msgs if m['msg_type'] in ('display_data', 'update_display_data')]
    assert bars and bars[0]['msg_type'] == 'display_data'
    assert '100%' in bars[-1]['content']['data']['text/plain']
    _, msgs = run_cell(kc, 'Tables.rates(kspikes)')
    data = [m['content']['data'] for m in msgs if m['msg_type'] == 'execute_result'][0]
    assert '<th>rate_Hz</th>' in data['text/html'] and '4000 rows × 3 columns' in data['text/html']
    _, msgs = run_cell(kc, 'raster(kspikes)', timeout=120)
    data = [m['content']['data'] for m in msgs if m['msg_type'] == 'execute_result'][0]
    assert base64.b64decode(data['image/png'])[:4] == b'\x89PNG'


def test_out_of_memory_in_a_kotlin_cell_keeps_the_kernel(jupyter_path):
    from jupyter_client.manager import start_new_kernel
    subprocess.run([JAVA, '-jar', JAR, 'install', '--prefix', os.path.dirname(os.path.dirname(jupyter_path)),
                    '--language', 'kotlin', '--name', 'nm-kotlin-small-heap', '--jvm-option=-Xmx512m',
                    '--no-class-archive'], check=True, stdout=subprocess.DEVNULL)
    km, kc = start_new_kernel(kernel_name='nm-kotlin-small-heap', startup_timeout=120)
    try:
        run_cell(kc, 'val kbefore = "kept"', timeout=120)
        reply, _ = run_cell(kc, 'run { val hog = ArrayList<LongArray>(); while (true) hog.add(LongArray(1 shl 20)) }',
                            timeout=180)
        assert reply['status'] == 'error'
        assert reply['ename'] == 'java.lang.OutOfMemoryError', reply
        assert km.is_alive()
        _, msgs = run_cell(kc, '"$kbefore ${LongArray(1 shl 20).size}"', timeout=120)
        assert results(msgs) == ['kept 1048576']
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_jupyter_console_runs_kotlin_cells(jupyter_path):
    r = subprocess.run([sys.executable, '-m', 'jupyter_console', '--kernel', 'neuromorph-kotlin', '--simple-prompt',
                        '--ZMQTerminalInteractiveShell.confirm_exit=False',
                        '--ZMQTerminalInteractiveShell.kernel_timeout=120'],
                       input='val q = 6 * 7\nq + 0\nprintln("printed $q")\n',
                       capture_output=True, text=True, timeout=240, env=dict(os.environ))
    assert 'Neuromorph' in r.stdout, r.stdout + r.stderr
    assert 'Out[2]: 42' in r.stdout, r.stdout
    assert 'printed 42' in r.stdout


def test_magics_in_kotlin(kotlin_kernel):
    _, kc = kotlin_kernel
    reply, msgs = run_cell(kc, '%%time\nval kmagic = 6 * 7')
    assert reply['status'] == 'ok', reply
    assert any(m['content']['text'].startswith('Wall time: ') for m in msgs if m['msg_type'] == 'stream')
    _, msgs = run_cell(kc, '%time kmagic + 0')
    assert results(msgs) == ['42']
    _, msgs = run_cell(kc, '%%html\n<i>k</i>')
    data = [m['content']['data'] for m in msgs if m['msg_type'] == 'execute_result'][0]
    assert data['text/html'] == '<i>k</i>'
    reply, _ = run_cell(kc, '%nosuchmagic')
    assert reply['status'] == 'error' and reply['ename'] == 'UnknownMagic'
    _, msgs = run_cell(kc, '%who')
    assert any(line.split() == ['kmagic', 'int'] for line in results(msgs)[0].splitlines()), results(msgs)
    run_cell(kc, 'var kcount = 0')
    reply, msgs = run_cell(kc, '%timeit -n 4 -r 3 kcount++')
    assert reply['status'] == 'ok' and '3 runs, 4 loops each' in results(msgs)[0], (reply, msgs)
    _, msgs = run_cell(kc, 'kcount')
    assert results(msgs) == ['12']
    reply, msgs = run_cell(kc, '%timeit kotlin.math.sin(0.5)')
    assert reply['status'] == 'ok' and ' per loop (mean ± std. dev. of 7 runs, ' in results(msgs)[0], (reply, msgs)


def test_classpath_and_load_in_kotlin(kotlin_kernel, tmp_path):
    _, kc = kotlin_kernel
    src = tmp_path / 'Greeter.java'
    src.write_text('package kdemo; public class Greeter { public static String hi(String n) { return "hi " + n; } }')
    subprocess.run(['javac', '-d', str(tmp_path / 'classes'), str(src)], check=True, timeout=120)
    reply, msgs = run_cell(kc, f'%classpath add {tmp_path / "classes"}')
    assert reply['status'] == 'ok', reply
    _, msgs = run_cell(kc, 'kdemo.Greeter.hi("kotlin")')
    assert results(msgs) == ['hi kotlin']
    script = tmp_path / 'helpers.kts'
    script.write_text('fun cube(x: Double) = x * x * x\ncube(2.0)\n')
    reply, msgs = run_cell(kc, f'%load {script}')
    assert reply['status'] == 'ok' and results(msgs) == ['8.0'], (reply, msgs)
    _, msgs = run_cell(kc, 'cube(3.0)')
    assert results(msgs) == ['27.0']

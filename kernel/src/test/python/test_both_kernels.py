"""End-to-end tests written once and run on both kernels: the protocol, displays, faults and magics a front end
relies on, whatever the language. Each test takes its cells from CELLS, one per language; what a value looks like
differs only where the languages print it differently (JShell quotes strings, Kotlin does not)."""
import base64
import os
import subprocess
import sys
import time

import pytest
from jupyter_client.manager import start_new_kernel

from conftest import JAR, JAVA, TIMEOUT, reply_to, result_data, results, run_cell, run_ok, types

# name: (Java cell, Kotlin cell)
CELLS = {
    'print': ('System.out.println("to out ü"); System.err.println("to err");',
              'println("to out ü"); System.err.println("to err")'),
    'throw': ('throw new RuntimeException("first fails");', 'throw RuntimeException("first fails")'),
    'declare never': ('int neverDefined = 1;', 'val neverDefined = 1'),
    'display, clear, update': ('display("first", "status");\nSystem.out.println("working");\n'
                               'clearOutput(true);\nupdateDisplay("status", "second");',
                               'display("first", "status")\nprintln("working")\n'
                               'clearOutput(true)\nupdateDisplay("status", "second")'),
    'display handle': ('var handle = display("step 1");\nSystem.out.println("between");\nhandle.update("step 2");',
                       'val handle = display("step 1")\nprintln("between")\nhandle.update("step 2")'),
    'read a line': ('var reader = new BufferedReader(new InputStreamReader(System.in));\n'
                    'String answer = reader.readLine();',
                    'val answer = readLine()'),
    'renderers': ('record Ratio(int a, int b) { }\n'
                  'Renderers.register(Ratio.class, r -> Map.of("text/html", "<b>" + r.a() + "/" + r.b() + "</b>",'
                  ' "text/markdown", r.a() + "/" + r.b()));\n'
                  'record Broken(int x) { }\n'
                  'Renderers.register(Broken.class, b -> { throw new IllegalStateException("no picture"); });',
                  'data class Ratio(val a: Int, val b: Int)\n'
                  'Renderers.register(Ratio::class.java) { r -> mapOf("text/html" to "<b>${r.a}/${r.b}</b>",'
                  ' "text/markdown" to "${r.a}/${r.b}") }\n'
                  'data class Broken(val x: Int)\n'
                  'Renderers.register(Broken::class.java) { _ -> throw IllegalStateException("no picture") }'),
    'ratio': ('new Ratio(3, 4)', 'Ratio(3, 4)'),
    'display ratio': ('display(new Ratio(1, 2));', 'display(Ratio(1, 2))'),
    'broken': ('new Broken(5)', 'Broken(5)'),
    'flood': ('for (int i = 0; i < 1_000_000; i++) System.out.println("line " + i);',
              'for (i in 0 until 1_000_000) println("line $i")'),
    'after flood': ('System.out.println("after the flood");', 'println("after the flood")'),
    'declare hist': ('int histOut = 20 + 22;', 'val histOut = 20 + 22'),
    'keep': ('String kept = "kept";', 'val kept = "kept"'),
    'spin forever': ('while (true) { }', 'while (true) { }'),
    'spinner': ('var ticks = new java.util.concurrent.atomic.AtomicLong();\n'
                'var spinner = new Thread(() -> { while (true) ticks.incrementAndGet(); });\n'
                'spinner.setDaemon(true);',
                'val ticks = java.util.concurrent.atomic.AtomicLong()\n'
                'val spinner = Thread { while (true) ticks.incrementAndGet() }\n'
                'spinner.isDaemon = true'),
    'start spinner': ('spinner.start(); while (true) { }', 'spinner.start(); while (true) { }'),
    'spinner state': ('spinner.isAlive() + " " + ticks.get()', '"${spinner.isAlive} ${ticks.get()}"'),
    'long network': ('var longNet = network().seed(1);\n'
                     'var src = longNet.poisson("src", 100, Hz(50));\n'
                     'var grp = longNet.group("grp", 100, lif());\n'
                     'longNet.connect(src, grp, allToAll()).weight(mV(0.5));',
                     'val longNet = network { seed = 1 }\n'
                     'val src = longNet.poisson("src", 100, 50.Hz)\n'
                     'val grp = longNet.group("grp", 100, lif { })\n'
                     'longNet.connect(src, grp, allToAll()) { weight = 0.5.mV }'),
    'run for ages': ('longNet.run(s(100000));', 'longNet.run(100000.s)'),
    'exit': ('System.exit(3);', 'kotlin.system.exitProcess(3)'),
    'halt': ('Runtime.getRuntime().halt(1);', 'Runtime.getRuntime().halt(1)'),
    'overflow': ('int deep(int n) { return deep(n + 1) + 1; }\ndeep(0)',
                 'fun deep(n: Int): Int = deep(n + 1) + 1\ndeep(0)'),
    'echo comm': ('org.neuromorph.kernel.protocol.Comms.registerTarget("echo", comm -> '
                  'comm.onMessage(data -> comm.send(Map.of("echo", data.get("value")))));',
                  'org.neuromorph.kernel.protocol.Comms.registerTarget("echo") { comm ->\n'
                  '    comm.onMessage { data -> comm.send(mapOf("echo" to data.get("value"))) }\n}'),
    'quick run': ('network().seed(1).run(ms(10));', 'network { seed = 1 }.run(10.ms)'),
    # CUBA runs 60 s of network time in about 1.1 s of wall time on CI's 2 cores: 300 s keeps the run well past
    # the progress bar's one quiet second even on a machine several times faster
    'cuba': ('var cuba = ReferenceNetworks.cuba(4000, 1);\ncuba.run(s(300));',
             'val cuba = ReferenceNetworks.cuba(4000, 1)\ncuba.run(300.s)'),
    'cuba spikes': ('var cubaSpikes = cuba.monitorSpikes(cuba.populations().get("P"));\ncuba.run(s(2));',
                    'val cubaSpikes = cuba.monitorSpikes(cuba.populations()["P"]!!)\ncuba.run(2.s)'),
    'hog': ('{ List<long[]> hog = new ArrayList<>();\n  while (true) { hog.add(new long[1 << 20]); } }',
            'run { val hog = ArrayList<LongArray>(); while (true) hog.add(LongArray(1 shl 20)) }'),
    'after hog': ('kept + " " + new long[1 << 20].length', '"$kept ${LongArray(1 shl 20).size}"'),
    'console': ('int q = 6 * 7;\nq + 0\nSystem.out.println("printed " + q);\n',
                'val q = 6 * 7\nq + 0\nprintln("printed $q")\n'),
    'timed': ('%%time\nint magicTimed = 6 * 7;', '%%time\nval magicTimed = 6 * 7'),
    'greet': ('demo.Greeter.hi("spikes")', 'demo.Greeter.hi("spikes")'),
    'throw in a function': ('void boom() { throw new IllegalStateException("bad state"); }\nboom();',
                            'fun boom(): Nothing = error("bad state")\nboom()'),
    'wrong unit': ('int a = 1;\nvar m = lif().tauM(mV(-65));', 'val ok = 1\nval m = lif { tauM = (-65).mV }'),
    'imported': ('String.join(" ", DefaultProgress.class.getSimpleName(), ProgressListener.class.getSimpleName(), '
                 'StateExchange.class.getSimpleName(), Response.Linear.class.getSimpleName(), '
                 'SpikeSource.class.getSimpleName())',
                 'listOf(DefaultProgress::class, ProgressListener::class, StateExchange::class, Response.Linear::class, '
                 'SpikeSource::class).joinToString(" ") { it.java.simpleName }'),
}


def quoted(lang, text):
    """How a string value prints: JShell shows it as a literal, Kotlin as its text."""
    return '"%s"' % text if lang == 'java' else text


@pytest.fixture(scope='module', params=['java', 'kotlin'])
def either(request, jupyter_path):
    """A kernel of each language in turn, with the language's cells: (manager, client, cell(name), language)."""
    lang = request.param
    km, kc = start_new_kernel(kernel_name='neuromorph-' + lang, startup_timeout=120)

    def cell(name):
        return CELLS[name][0 if lang == 'java' else 1]
    yield km, kc, cell, lang
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def test_execution_count_stdout_and_stderr(either):
    _, kc, cell, _ = either
    first, _ = run_cell(kc, '1')
    reply, msgs = run_cell(kc, cell('print'))
    assert reply['status'] == 'ok'
    assert reply['execution_count'] == first['execution_count'] + 1
    assert msgs[1]['content']['execution_count'] == reply['execution_count']
    streams = [m['content'] for m in msgs if m['msg_type'] == 'stream']
    assert ''.join(s['text'] for s in streams if s['name'] == 'stdout') == 'to out ü\n'
    assert ''.join(s['text'] for s in streams if s['name'] == 'stderr') == 'to err\n'
    assert types(msgs)[0:2] == ['status', 'execute_input'] and types(msgs)[-1] == 'status'


def test_the_library_packages_are_imported(either):
    """Cells see every package of the library without an import, the leaf ones (jobs, state, monitor) included."""
    _, kc, cell, lang = either
    msgs = run_ok(kc, cell('imported'))
    assert results(msgs) == [quoted(lang, 'DefaultProgress ProgressListener StateExchange Linear SpikeSource')]


def test_an_exception_names_the_function_it_left_and_the_cell_goes_on_working(either):
    _, kc, cell, _ = either
    reply, msgs = run_cell(kc, cell('throw in a function'))
    assert reply['status'] == 'error'
    assert reply['ename'] == 'java.lang.IllegalStateException'
    assert reply['evalue'] == 'bad state'
    assert any('boom' in line for line in reply['traceback']), reply['traceback']
    assert types(msgs) == ['status', 'execute_input', 'error', 'status']
    _, msgs = run_cell(kc, '6 * 7')
    assert results(msgs) == ['42']


def test_a_wrong_unit_is_a_compile_error_naming_line_column_and_both_units(either):
    _, kc, cell, lang = either
    reply, msgs = run_cell(kc, cell('wrong unit'))
    assert reply['status'] == 'error'
    assert reply['ename'] == 'CompilationError'
    assert reply['evalue'].startswith('line 2, column %d' % (20 if lang == 'java' else 22)), reply['evalue']
    assert 'Voltage' in reply['evalue'] and 'Time' in reply['evalue']
    assert any(line.strip().startswith('^') for line in reply['traceback']), reply['traceback']
    assert types(msgs) == ['status', 'execute_input', 'error', 'status']


def test_error_aborts_queued_cells(either):
    _, kc, cell, _ = either
    failing = kc.execute(cell('throw'))
    queued = kc.execute(cell('declare never'))
    replies = {}
    while failing not in replies or queued not in replies:
        msg = kc.get_shell_msg(timeout=TIMEOUT)
        replies[msg['parent_header']['msg_id']] = msg['content']
    assert replies[failing]['status'] == 'error'
    assert replies[queued]['status'] == 'aborted'
    reply, _ = run_cell(kc, 'neverDefined')
    assert reply['status'] == 'error'


def test_display_by_id_update_and_clear_output(either):
    _, kc, cell, _ = either
    msgs = run_ok(kc, cell('display, clear, update'))
    shown = [m for m in msgs if m['msg_type'] in ('display_data', 'stream', 'clear_output', 'update_display_data')]
    assert types(shown) == ['display_data', 'stream', 'clear_output', 'update_display_data']
    assert shown[0]['content']['transient'] == {'display_id': 'status'}
    assert shown[2]['content'] == {'wait': True}
    assert shown[3]['content']['transient'] == {'display_id': 'status'}
    assert shown[3]['content']['data']['text/plain'] == 'second'
    msgs = run_ok(kc, cell('display handle'))
    kinds = [m['msg_type'] for m in msgs if m['msg_type'] in ('display_data', 'update_display_data', 'stream')]
    assert kinds == ['display_data', 'stream', 'update_display_data']
    bundles = [m['content'] for m in msgs if m['msg_type'] in ('display_data', 'update_display_data')]
    assert [b['data']['text/plain'] for b in bundles] == ['step 1', 'step 2']
    assert bundles[0]['transient']['display_id'] == bundles[1]['transient']['display_id']


def test_stdin_input_request(either):
    _, kc, cell, lang = either
    msg_id = kc.execute(cell('read a line'), allow_stdin=True)
    request = kc.get_stdin_msg(timeout=TIMEOUT)
    assert request['msg_type'] == 'input_request'
    assert request['parent_header']['msg_id'] == msg_id
    kc.input('neuron')
    assert reply_to(kc.get_shell_msg, msg_id)['content']['status'] == 'ok'
    _, msgs = run_cell(kc, 'answer')
    assert results(msgs) == [quoted(lang, 'neuron')]


def test_renderers_give_several_mime_types_and_a_failing_one_falls_back(either):
    _, kc, cell, lang = either
    reply, _ = run_cell(kc, cell('renderers'))
    assert reply['status'] == 'ok', reply
    _, msgs = run_cell(kc, cell('ratio'))
    data = result_data(msgs)
    assert data['text/html'] == '<b>3/4</b>' and data['text/markdown'] == '3/4'
    assert data['text/plain'] == ('Ratio[a=3, b=4]' if lang == 'java' else 'Ratio(a=3, b=4)')
    _, msgs = run_cell(kc, cell('display ratio'))  # display() goes through the same registry
    assert [m['content']['data']['text/html'] for m in msgs if m['msg_type'] == 'display_data'] == ['<b>1/2</b>']
    reply, msgs = run_cell(kc, cell('broken'))
    assert reply['status'] == 'ok'
    data = result_data(msgs)
    assert data == {'text/plain': 'Broken[x=5]' if lang == 'java' else 'Broken(x=5)'}
    errs = ''.join(m['content']['text'] for m in msgs if m['msg_type'] == 'stream' and m['content']['name'] == 'stderr')
    assert 'no picture' in errs and 'showing it as text' in errs


def test_a_million_lines_are_batched_and_bounded(either):
    """10^6 lines (~13 MB) arrive as a few large stream messages, cut at the 10 MiB budget with a notice."""
    _, kc, cell, _ = either
    started = time.time()
    reply, msgs = run_cell(kc, cell('flood'), timeout=120)
    assert reply['status'] == 'ok'
    streams = [m['content'] for m in msgs if m['msg_type'] == 'stream']
    out = ''.join(s['text'] for s in streams if s['name'] == 'stdout')
    err = ''.join(s['text'] for s in streams if s['name'] == 'stderr')
    assert len(streams) < 200, len(streams)
    assert out.startswith('line 0\nline 1\n')
    assert 9 << 20 < len(out.encode()) <= 10 << 20
    assert 'output truncated' in err and 'more bytes not shown' in err
    assert time.time() - started < 60
    # the budget is per cell: the next cell prints normally
    _, msgs = run_cell(kc, cell('after flood'))
    assert [m['content']['text'] for m in msgs if m['msg_type'] == 'stream'] == ['after the flood\n']


def test_history_keeps_outputs(either):
    _, kc, cell, _ = either
    run_cell(kc, cell('declare hist'))
    run_cell(kc, 'histOut')
    reply = reply_to(kc.get_shell_msg, kc.history(hist_access_type='tail', n=2, output=True))['content']
    assert [row[2] for row in reply['history']] == [[cell('declare hist'), None], ['histOut', '42']]


def interrupt(km, kc, msg_id, after):
    """Interrupts the running cell {after} seconds in and checks that it ends as interrupted within 10 s."""
    time.sleep(after)
    km.interrupt_kernel()  # interrupt_mode "message": an interrupt_request on control
    reply = reply_to(kc.get_shell_msg, msg_id, 10)['content']
    assert reply['status'] == 'error' and reply['ename'] == 'Interrupted', reply


def test_interrupt_keeps_state(either):
    km, kc, cell, lang = either
    run_cell(kc, cell('keep'))
    msg_id = kc.execute(cell('spin forever'))
    t0 = time.time() + 1.0
    interrupt(km, kc, msg_id, 1.0)
    assert time.time() - t0 < 2.0, 'a busy loop stops within 2 s'
    _, msgs = run_cell(kc, 'kept')
    assert results(msgs) == [quoted(lang, 'kept')]


def test_interrupt_stops_threads_the_cell_started(either):
    km, kc, cell, _ = either
    run_cell(kc, cell('spinner'))
    interrupt(km, kc, kc.execute(cell('start spinner')), 1.5)
    time.sleep(0.3)
    _, first = run_cell(kc, cell('spinner state'))
    alive, count = results(first)[0].strip('"').split()
    assert alive == 'false'
    time.sleep(0.3)
    _, second = run_cell(kc, 'ticks.get()')
    assert results(second) == [count], 'the thread no longer counts'


def test_interrupt_while_waiting_for_input(either):
    km, kc, cell, _ = either
    msg_id = kc.execute(cell('read a line'), allow_stdin=True)
    assert kc.get_stdin_msg(timeout=TIMEOUT)['msg_type'] == 'input_request'
    interrupt(km, kc, msg_id, 0)
    _, msgs = run_cell(kc, '1 + 1')
    assert results(msgs) == ['2']


def test_interrupt_stops_a_simulation(either):
    """A long network run is interrupted between steps and reported as an interrupt; the network stays usable."""
    km, kc, cell, _ = either
    run_cell(kc, cell('long network'))
    interrupt(km, kc, kc.execute(cell('run for ages')), 1.5)
    _, msgs = run_cell(kc, 'longNet.time() > 0')
    assert results(msgs) == ['true']


def test_exit_halt_and_stack_overflow_keep_the_kernel(either):
    km, kc, cell, lang = either
    run_cell(kc, cell('keep'))
    for fault in ('exit', 'halt'):
        reply, _ = run_cell(kc, cell(fault))
        assert reply['status'] == 'error' and 'restart the kernel' in reply['evalue'], (fault, reply)
    reply, _ = run_cell(kc, cell('overflow'))
    assert reply['status'] == 'error' and reply['ename'] == 'java.lang.StackOverflowError', reply
    assert km.is_alive()
    _, msgs = run_cell(kc, 'kept')
    assert results(msgs) == [quoted(lang, 'kept')]


def next_iopub(kc, wanted, most=200):
    """The content of the first iopub message that {wanted} accepts, among the next {most}."""
    for _ in range(most):
        msg = kc.get_iopub_msg(timeout=30)
        if wanted(msg):
            return msg['content']
    raise AssertionError(f'none of {most} iopub messages was the one wanted')


def test_comms_registered_from_a_cell(either):
    _, kc, cell, _ = either
    reply, _ = run_cell(kc, cell('echo comm'))
    assert reply['status'] == 'ok', reply
    kc.shell_channel.send(kc.session.msg('comm_open', {'comm_id': 'c-1', 'target_name': 'echo', 'data': {}}))
    sent = kc.session.msg('comm_msg', {'comm_id': 'c-1', 'data': {'value': 42}})
    kc.shell_channel.send(sent)
    echo = next_iopub(kc, lambda m: m['msg_type'] == 'comm_msg'
                      and m['parent_header'].get('msg_id') == sent['header']['msg_id'])
    assert echo == {'comm_id': 'c-1', 'data': {'echo': 42}}
    info = reply_to(kc.get_shell_msg, kc.comm_info(target_name='echo'))['content']
    assert info['comms'] == {'c-1': {'target_name': 'echo'}}
    kc.shell_channel.send(kc.session.msg('comm_close', {'comm_id': 'c-1', 'data': {}}))
    kc.shell_channel.send(kc.session.msg('comm_open', {'comm_id': 'c-2', 'target_name': 'nobody', 'data': {}}))
    closed = next_iopub(kc, lambda m: m['msg_type'] == 'comm_close' and m['content']['comm_id'] == 'c-2')
    assert 'nobody' in closed['data']['error']
    assert reply_to(kc.get_shell_msg, kc.comm_info())['content']['comms'] == {}


def test_a_long_run_shows_a_progress_bar_then_a_table_and_a_figure(either):
    """Runs over a second of wall time get one display updated in place; short ones show nothing."""
    _, kc, cell, _ = either
    _, quick = run_cell(kc, cell('quick run'))
    assert [m for m in quick if 'display' in m['msg_type']] == []
    msgs = run_ok(kc, cell('cuba'), timeout=300)
    bars = [m for m in msgs if m['msg_type'] in ('display_data', 'update_display_data')]
    assert bars and bars[0]['msg_type'] == 'display_data', types(msgs)
    assert len({m['content']['transient']['display_id'] for m in bars}) == 1
    last = bars[-1]['content']['data']['text/plain']
    assert last.startswith('[' + '#' * 30 + ']') and '100%' in last and 'done' in last, last
    assert ' steps/s, ' in last, 'the rate: ' + last
    reply, _ = run_cell(kc, cell('cuba spikes'))
    assert reply['status'] == 'ok', reply
    _, msgs = run_cell(kc, 'Tables.rates(cubaSpikes)')
    data = result_data(msgs)
    assert '<th>rate_Hz</th>' in data['text/html'] and '4000 rows × 3 columns' in data['text/html']
    _, msgs = run_cell(kc, 'raster(cubaSpikes)', timeout=120)
    data = result_data(msgs)
    assert base64.b64decode(data['image/png'])[:8] == b'\x89PNG\r\n\x1a\n'


def test_magics(either):
    _, kc, cell, _ = either
    msgs = run_ok(kc, cell('timed'))
    assert any(m['content']['text'].startswith('Wall time: ') for m in msgs if m['msg_type'] == 'stream')
    _, msgs = run_cell(kc, '%time magicTimed + 0')
    assert results(msgs) == ['42']
    _, msgs = run_cell(kc, '%%html\n<b>bold</b>')
    assert [m['content']['data']['text/html'] for m in msgs if m['msg_type'] == 'display_data'] == ['<b>bold</b>']
    assert 'execute_result' not in types(msgs)
    reply, _ = run_cell(kc, '%nosuchmagic')
    assert reply['status'] == 'error' and reply['ename'] == 'UnknownMagic'
    assert '%lsmagic' in reply['evalue'] and '%%time' in reply['evalue']


def test_classpath_add_makes_classes_usable(either, tmp_path):
    _, kc, cell, lang = either
    src = tmp_path / 'Greeter.java'
    src.write_text('package demo; public class Greeter { public static String hi(String n) { return "hi " + n; } }')
    classes = tmp_path / 'classes'
    subprocess.run(['javac', '-d', str(classes), str(src)], check=True, timeout=120)
    reply, _ = run_cell(kc, cell('greet'))
    assert reply['status'] == 'error', 'not on the class path yet'
    reply, msgs = run_cell(kc, f'%classpath add {classes}')
    assert reply['status'] == 'ok' and 'added 1 to the class path' in results(msgs)[0], (reply, msgs)
    _, msgs = run_cell(kc, cell('greet'))
    assert results(msgs) == [quoted(lang, 'hi spikes')]
    _, msgs = run_cell(kc, '%classpath')
    assert str(classes) in results(msgs)[0]
    reply, _ = run_cell(kc, f'%classpath add {tmp_path}/nothing-here')
    assert reply['status'] == 'error' and 'does not exist' in reply['evalue']


@pytest.mark.parametrize('lang,heap', [('java', '256m'), ('kotlin', '512m')])
def test_out_of_memory_in_a_cell_keeps_the_kernel(jupyter_path, lang, heap):
    """A kernel with a small heap (install --jvm-option) runs a cell that exhausts it; the hog is local to the
    cell, so its memory is free again once the cell has failed."""
    name = 'nm-small-heap-' + lang
    subprocess.run([JAVA, '-jar', JAR, 'install', '--prefix', os.path.dirname(os.path.dirname(jupyter_path)),
                    '--language', lang, '--name', name, '--jvm-option=-Xmx' + heap, '--no-class-archive'],
                   check=True, stdout=subprocess.DEVNULL)
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=120)
    pick = 0 if lang == 'java' else 1
    try:
        run_cell(kc, CELLS['keep'][pick], timeout=120)
        reply, _ = run_cell(kc, CELLS['hog'][pick], timeout=180)
        assert reply['status'] == 'error' and reply['ename'] == 'java.lang.OutOfMemoryError', reply
        assert km.is_alive()
        _, msgs = run_cell(kc, CELLS['after hog'][pick], timeout=120)
        assert results(msgs) == [quoted(lang, 'kept 1048576')]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


@pytest.mark.parametrize('lang', ['java', 'kotlin'])
def test_jupyter_console_runs_cells(jupyter_path, lang):
    """Debian's jupyter console, headless (simple prompt fed on stdin), on our kernel."""
    r = subprocess.run([sys.executable, '-m', 'jupyter_console', '--kernel', 'neuromorph-' + lang, '--simple-prompt',
                        '--ZMQTerminalInteractiveShell.confirm_exit=False',
                        '--ZMQTerminalInteractiveShell.kernel_timeout=120'],
                       input=CELLS['console'][0 if lang == 'java' else 1],
                       capture_output=True, text=True, timeout=240, env=dict(os.environ))
    assert 'Neuromorph' in r.stdout, r.stdout + r.stderr
    assert 'Out[2]: 42' in r.stdout, r.stdout
    assert 'printed 42' in r.stdout

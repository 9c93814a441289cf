"""Displays, rich results, bounded output, history outputs, completion kinds, inspection docs, and the faults
that must leave the kernel serving: all checked on what Debian's jupyter_client receives."""
import os
import sys
import time

import pytest

from conftest import reply_to, result_data, results, run_cell, run_ok, stdout, types


def test_blank_display_id_is_refused(kernel):
    _, kc = kernel
    reply, _ = run_cell(kc, 'display("x", " ")')
    assert reply['status'] == 'error'
    assert 'display id' in reply['evalue']


def test_completion_kinds(kernel):
    _, kc = kernel
    run_cell(kc, 'int completeMe = 1;\nclass CompleteType { }')
    for code, text, kind in [('complet', 'completeMe', 'instance'), ('CompleteT', 'CompleteType', 'class'),
                             ('lif().tau', 'tauM(', 'function'), ('Syste', 'System', 'class')]:
        content = reply_to(kc.get_shell_msg, kc.complete(code, len(code)))['content']
        kinds = {t['text']: t['type'] for t in content['metadata']['_jupyter_types_experimental']}
        assert kinds.get(text) == kind, (code, kinds)


def test_inspect_shows_the_dsl_javadoc(kernel):
    _, kc = kernel
    for code, expected in [('lif(', 'A leaky integrate-and-fire model'),
                           ('lif().tauM(', 'Membrane time constant tau_m, e.g. ms(20)'),
                           ('network().group(', 'NeuronGroup Network.group(String name, int size, NeuronModel model)')]:
        content = reply_to(kc.get_shell_msg, kc.inspect(code, len(code), 0))['content']
        assert content['found'], code
        assert expected in content['data']['text/plain'], content['data']['text/plain']


def test_jupyter_console_tab_completion_and_a_multiline_cell(jupyter_path):
    """In a terminal: Tab completes a variable; a for loop typed over several lines runs once it is complete."""
    import pexpect  # from Debian's python3-pexpect, which install/test.sh installs
    escapes = r'(?:\x1b\[[\d;?]*[a-zA-Z])*'   # prompt_toolkit colours the prompt numbers
    cursor_query = '\x1b\\[6n'

    def prompt(word, n):
        return word + escapes + str(n)

    def wait_for(pattern):
        # a real terminal answers prompt_toolkit's cursor-position queries; so does this one
        while child.expect([cursor_query, pattern]) == 0:
            child.send('\x1b[1;1R')

    child = pexpect.spawn(sys.executable, ['-m', 'jupyter_console', '--kernel', 'neuromorph-java',
                                           '--ZMQTerminalInteractiveShell.confirm_exit=False',
                                           # the first Enter may come while the evaluator still starts
                                           '--ZMQTerminalInteractiveShell.kernel_is_complete_timeout=30'],
                          env=dict(os.environ, TERM='xterm'), encoding='utf-8', timeout=60, dimensions=(40, 200))
    try:
        wait_for(prompt(r'In \[', 1))
        # the console draws its prompt before the kernel's evaluator has started; keys typed in that window can
        # land in a completion menu instead of the cell, so give the evaluator its start-up time (about 1 s)
        time.sleep(3)
        child.send('int neuronCount = 7;\r')         # Enter is a carriage return in a terminal
        wait_for(prompt(r'In \[', 2))
        child.send('neuronC\t')
        wait_for('ount')   # the rest of the name, typed by the completion (the terminal may redraw it apart)
        child.send('\r')
        wait_for(prompt(r'Out\[', 2) + escapes + r'\]: ' + escapes + '7')
        # jupyter console completes while typing and asks is_complete on Enter, both on the shell channel from
        # one re-entrant event loop: a key typed while either waits can start the other, which then takes its
        # reply (the Enter then waits out kernel_is_complete_timeout). So type as a person does: a line, a pause
        # for the completions it started, Enter, a pause for its is_complete.
        def type_line(text):
            child.send(text)
            time.sleep(1)
            child.send('\r')
            time.sleep(1)

        type_line('for (int i = 0; i < 2; i++) {')
        wait_for(r'\.\.\.')               # a continuation prompt: the cell is not complete yet
        type_line('System.out.println("looped " + i);')
        type_line('}')
        wait_for('looped 0')
        wait_for('looped 1')
        wait_for(prompt(r'In \[', 4))
        # leave the console so it shuts its kernel down; best effort: a ^D typed while the prompt redraws can be
        # lost, and a kernel whose console is closed stops itself anyway (it watches JPY_PARENT_PID)
        child.sendcontrol('d')
        try:
            if child.expect([r'exit \(\[y\]/n\)\?', pexpect.EOF], timeout=10) == 0:
                child.send('y\r')
                child.expect(pexpect.EOF, timeout=10)
        except pexpect.TIMEOUT:
            pass
    finally:
        child.close(force=True)


def test_training_shows_its_epochs_in_a_progress_bar(kernel):
    _, kc = kernel
    # 150 epochs take about 1.5 s on CI's 2 cores, near the bar's quiet second: 500 keep well past it anywhere
    msgs = run_ok(kc, 'var tsplit = digitsSplit();\n'
                      'mlp(3, Activation.RELU, 64, 64, 10).train(tsplit[0], tsplit[1], 500, 8, 0.05, 0.9, 3);',
                           timeout=300)
    bars = [m['content']['data']['text/plain'] for m in msgs
            if m['msg_type'] in ('display_data', 'update_display_data')]
    assert bars, 'a training of several seconds shows a bar'
    assert 'epoch 500 of 500' in bars[-1] and 'done' in bars[-1], bars[-1]
    assert 'epochs/s' in bars[-1] or 's/epoch' in bars[-1], bars[-1]


def test_a_tablesaw_table_renders_as_html_and_text(kernel):
    """The DSL's table renderer reaches the kernel through ServiceLoader, with no kernel code knowing Tablesaw."""
    _, kc = kernel
    msgs = run_ok(kc, 'var tnet = network().seed(4);\n'
                      'var tspikes = tnet.monitorSpikes(tnet.poisson("p", 20, Hz(30)));\n'
                      'tnet.run(ms(200));\n'
                      'Tables.rates(tspikes)')
    data = result_data(msgs)
    assert '<th>rate_Hz</th>' in data['text/html']
    assert '20 rows × 3 columns' in data['text/html']
    assert data['text/plain'].endswith('20 rows × 3 columns')


def test_learning_and_device_words_in_a_java_cell(kernel):
    """The plasticity and device packages are imported: a protocol table and a device synapse from a cell."""
    _, kc = kernel
    msgs = run_ok(kc, 'stdpWindow(stdpBiPoo(0.8, 0.4), 0.5, 1, Hz(1), ms(-10), ms(10))')
    data = result_data(msgs)
    assert '<th>Δw</th>' in data['text/html'] and '2 rows × 2 columns' in data['text/html']
    msgs = run_ok(kc, 'var dnet = network().seed(2);\n'
                      'var din = dnet.poisson("in", 50, Hz(100));\n'
                      'var dout = dnet.group("out", 50, lif().vThreshold(mV(1000)).conductance("e", ms(5), mV(0)));\n'
                      'var dp = dnet.connect(din, dout, oneToOne()).onto("e").weight(nS(0))\n'
                      '        .onDevices(rramBinary(), 1e-4).plasticity(new Srdp(ms(20), 9.5e-9, 9.5e-9));\n'
                      'dnet.run(s(2));\n'
                      'Arrays.stream(dp.devices().states()).filter(g -> g > 50e-6).count() > 25')
    assert results(msgs) == ['true']


def test_figures_render_inline_as_png(kernel):
    """A raster plot from a cell arrives as one bundle: Plotly JSON, offline HTML, a real PNG and a text line."""
    import base64
    _, kc = kernel
    msgs = run_ok(kc, 'var pnet = network().seed(6);\n'
                      'var pspikes = pnet.monitorSpikes(pnet.poisson("p", 30, Hz(20)));\n'
                      'pnet.run(ms(300));\n'
                      'raster(pspikes)')
    data = result_data(msgs)
    png = base64.b64decode(data['image/png'])
    assert png[:8] == b'\x89PNG\r\n\x1a\n'
    assert int.from_bytes(png[16:20], 'big') == 900  # IHDR width
    assert data['text/plain'].startswith('Raster of p')
    plotly = data['application/vnd.plotly.v1+json']
    assert plotly['layout']['xaxis']['title']['text'] == 'time (ms)'
    assert len(plotly['data'][0]['x']) == int(data['text/plain'].split('(')[1].split(' spikes')[0])
    assert 'Plotly.newPlot' in data['text/html'] and '<script src' not in data['text/html']
    # the kernel's first figure carried plotly.js; a later one does not carry it again
    reply, msgs = run_cell(kc, 'raster(pspikes)')
    again = result_data(msgs)
    assert 'plotly.js v3' not in again['text/html'] and len(again['text/html']) < 1_000_000


def test_lsmagic_and_markdown(kernel):
    """The magics both kernels share are in test_both_kernels.py; these two are checked here once."""
    _, kc = kernel
    _, msgs = run_cell(kc, '%lsmagic')
    assert '%time' in results(msgs)[0] and '%%html' in results(msgs)[0]
    # as IPython's cell magics: display_data, no execute_result
    _, msgs = run_cell(kc, '%%markdown\n# Title')
    assert 'execute_result' not in types(msgs), types(msgs)
    data = [m['content']['data'] for m in msgs if m['msg_type'] == 'display_data'][0]
    assert data['text/markdown'] == '# Title'


def test_timeit_who_load_and_javascript(kernel, tmp_path):
    _, kc = kernel
    msgs = run_ok(kc, 'double tx = 0.5;')
    reply, msgs = run_cell(kc, '%timeit Math.sin(tx)')  # an expression
    assert reply['status'] == 'ok', reply
    text = results(msgs)[0]
    assert ' per loop (mean ± std. dev. of 7 runs, ' in text and 'loops each)' in text, text
    loops = int(text.split('runs, ')[1].split(' loop')[0])
    assert loops >= 1000, 'a sine takes nanoseconds, so many loops fill 0.2 s: ' + text
    reply, msgs = run_cell(kc, 'int tcount = 0;')
    reply, msgs = run_cell(kc, '%timeit -n 3 -r 2 tcount++')  # a statement, fixed loops and runs
    assert reply['status'] == 'ok', reply
    assert '2 runs, 3 loops each' in results(msgs)[0]
    _, msgs = run_cell(kc, 'tcount')
    assert results(msgs) == ['6'], 'the timed code ran in the session, on its variables'
    reply, msgs = run_cell(kc, '%%timeit -n 2 -r 1\nint local = 1;\ntcount += local;')
    assert reply['status'] == 'ok' and '1 run, 2 loops each' in results(msgs)[0], (reply, msgs)
    reply, _ = run_cell(kc, '%timeit -n 2 nosuchname + 1')
    assert reply['status'] == 'error' and 'cannot find symbol' in reply['evalue'], reply
    assert 'nosuchname' in '\n'.join(reply['traceback']), 'the error of the form that fits the code is shown'
    reply, _ = run_cell(kc, '%timeit')
    assert reply['status'] == 'error' and reply['ename'] == 'UsageError'

    _, msgs = run_cell(kc, '%who')
    who = results(msgs)[0]
    assert any(line.split() == ['tcount', 'int'] for line in who.splitlines()), who
    assert 'tx' in who and '$' not in who

    helpers = tmp_path / 'helpers.jsh'
    helpers.write_text('double square(double x) { return x * x; }\nvar loadedNet = network().seed(4);\nsquare(3)\n')
    msgs = run_ok(kc, f'%load {helpers}')
    assert f'loaded {helpers} (3 lines)' in stdout(msgs) and results(msgs) == ['9.0']
    _, msgs = run_cell(kc, 'square(4) + loadedNet.seed()')
    assert results(msgs) == ['20.0'], 'what the file declared stays'
    reply, _ = run_cell(kc, f'%load {tmp_path}/missing.jsh')
    assert reply['status'] == 'error' and 'missing.jsh' in reply['evalue'] and 'cannot read' in reply['evalue']

    _, msgs = run_cell(kc, '%%javascript\nconsole.log("hi")')
    data = [m['content']['data'] for m in msgs if m['msg_type'] == 'display_data'][0]
    assert data['application/javascript'] == 'console.log("hi")'


def test_maven_resolves_with_dependencies(kernel, tmp_path):
    """%maven against Maven Central into an empty local repository: the artifact and its dependency arrive."""
    _, kc = kernel
    repo = tmp_path / 'm2'
    run_cell(kc, f'System.setProperty("neuromorph.maven.local", "{repo}");')
    reply, msgs = run_cell(kc, '%maven org.apache.commons:commons-text:1.12.0', timeout=180)
    if reply['status'] == 'error' and 'repo.maven.apache.org' in reply['evalue'] and any(
            w in reply['evalue'] for w in ('UnknownHost', 'connect', 'Connect', 'timed out', 'unreachable')):
        pytest.skip('Maven Central cannot be reached from here: ' + reply['evalue'])
    assert reply['status'] == 'ok', reply
    added = results(msgs)[0]
    assert 'commons-text-1.12.0.jar' in added and 'commons-lang3-' in added, 'transitive dependency: ' + added
    assert (repo / 'org' / 'apache' / 'commons' / 'commons-text' / '1.12.0' / 'commons-text-1.12.0.jar').exists()
    _, msgs = run_cell(kc, 'org.apache.commons.text.WordUtils.capitalize("spike train") + " " + '
                           'org.apache.commons.lang3.StringUtils.reverse("abc")')
    assert results(msgs) == ['"Spike Train cba"']
    reply, _ = run_cell(kc, '%maven org.neuromorph:no-such-artifact:0.0.1', timeout=180)
    assert reply['status'] == 'error' and reply['ename'] == 'MavenError'
    assert 'no-such-artifact' in reply['evalue'] and 'Nothing was added' in reply['evalue']
    reply, _ = run_cell(kc, '%maven not-coordinates')
    assert reply['status'] == 'error' and 'group:artifact:version' in reply['evalue']
    run_cell(kc, 'System.clearProperty("neuromorph.maven.local");')


def test_seed_magic_fixes_what_follows(kernel):
    """%seed N: networks made after it draw the same numbers each time; a bad argument says what it takes."""
    _, kc = kernel
    cell = ('var snet = network();\n'
            'var sm = snet.monitorSpikes(snet.poisson("s", 100, Hz(20)));\n'
            'snet.run(ms(200));\n'
            'sm.count()')
    run_cell(kc, '%seed 99')
    _, first = run_cell(kc, cell)
    run_cell(kc, '%seed 100')
    _, other = run_cell(kc, cell)
    _, msgs = run_cell(kc, '%seed 99')
    assert 'seed 99' in results(msgs)[0]
    _, again = run_cell(kc, cell)
    assert results(first) == results(again) != results(other)
    reply, _ = run_cell(kc, '%seed forty-two')
    assert reply['status'] == 'error' and 'whole number' in reply['evalue']
    run_cell(kc, '%seed 1')


def test_a_mistake_in_a_rule_written_in_a_cell_is_named_and_state_survives(kernel):
    _, kc = kernel
    run_cell(kc, 'int keptBeforeRule = 5;')
    reply, _ = run_cell(kc, 'var typo = rule("my rule").preTrace("x", ms(20), 1).postTrace("y", ms(20), 1)\n'
                            '        .onPost(s -> s.w += 0.01 * s.pre("xx"));\n'
                            'ReferenceNetworks.songMillerAbbott(1000, 1, typo).run(s(1));')
    assert reply['status'] == 'error'
    assert "rule 'my rule' reads presynaptic trace 'xx'" in reply['evalue'], reply['evalue']
    assert 'declare it with preTrace' in reply['evalue']
    _, msgs = run_cell(kc, 'keptBeforeRule')
    assert results(msgs) == ['5']


def test_export_names_files_after_the_cell(kernel, tmp_path):
    _, kc = kernel
    reply, msgs = run_cell(kc, 'Export.directory(java.nio.file.Path.of("%s"));\n'
                               'var et = tech.tablesaw.api.Table.create("t").addColumns('
                               'tech.tablesaw.api.DoubleColumn.create("x", 1, 2));\n'
                               'export(et).toString()' % tmp_path)
    assert reply['status'] == 'ok', reply
    count = reply['execution_count']
    assert (tmp_path / f'cell-{count}.csv').read_text() == 'x\n1.0\n2.0\n'
    assert (tmp_path / f'cell-{count}.html').exists()
    run_cell(kc, 'Export.directory(java.nio.file.Path.of("exports"));')

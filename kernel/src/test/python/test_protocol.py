"""End-to-end protocol tests: a real jupyter_client talks to the kernel over ZeroMQ.

Each test checks the reply and the iopub sequence a front end relies on:
status busy, execute_input, outputs, status idle.
"""
import os
import sys
import json
import subprocess
import tempfile
import time

import pytest

from conftest import JAR, JAVA, java_feature, reply_to, results, run_cell, run_ok, types


def test_kernel_info(kernel):
    km, kc = kernel
    msg_id = kc.kernel_info()
    reply = reply_to(kc.get_shell_msg, msg_id)
    c = reply['content']
    assert c['status'] == 'ok'
    assert c['protocol_version'] == '5.3'
    assert c['implementation'] == 'neuromorph'
    info = c['language_info']
    assert info['name'] == 'java'
    assert info['mimetype'] == 'text/x-java'
    assert info['file_extension'] == '.java'
    assert info['pygments_lexer'] == 'java'
    assert 'Neuromorph' in c['banner']
    assert c['help_links'] and all('url' in link for link in c['help_links'])


def test_state_persists_between_cells(kernel):
    _, kc = kernel
    reply, msgs = run_cell(kc, 'int x = 41;')
    assert reply['status'] == 'ok'
    assert types(msgs) == ['status', 'execute_input', 'status']
    assert msgs[1]['content']['code'] == 'int x = 41;'
    reply, msgs = run_cell(kc, 'x + 1')
    assert reply['status'] == 'ok'
    assert types(msgs) == ['status', 'execute_input', 'execute_result', 'status']
    result = msgs[2]['content']
    assert result['data']['text/plain'] == '42'
    assert result['execution_count'] == reply['execution_count'] == msgs[1]['content']['execution_count']


def test_exception(kernel):
    _, kc = kernel
    reply, msgs = run_cell(kc, 'int y = 1;\nObject o = null;\no.toString();')
    assert reply['status'] == 'error'
    assert reply['ename'] == 'java.lang.NullPointerException'
    errors = [m['content'] for m in msgs if m['msg_type'] == 'error']
    assert len(errors) == 1
    assert errors[0]['ename'] == 'java.lang.NullPointerException'
    assert errors[0]['traceback'][0].startswith('java.lang.NullPointerException')
    assert types(msgs) == ['status', 'execute_input', 'error', 'status']
    # the statements before the failing one ran, and the kernel still works
    reply, msgs = run_cell(kc, 'y')
    assert [m['content']['data']['text/plain'] for m in msgs if m['msg_type'] == 'execute_result'] == ['1']


def test_compile_error_names_line(kernel):
    _, kc = kernel
    reply, _ = run_cell(kc, 'int a = 1;\nint b = undefinedThing + 2;')
    assert reply['status'] == 'error'
    assert reply['ename'] == 'CompilationError'
    assert reply['evalue'].startswith('line 2, column 9')
    assert 'cannot find symbol' in reply['evalue']
    assert 'int b = undefinedThing + 2;' in '\n'.join(reply['traceback'])


def test_dsl_is_imported(kernel):
    _, kc = kernel
    msgs = run_ok(kc, 'ms(20)')
    assert [m['content']['data']['text/plain'] for m in msgs if m['msg_type'] == 'execute_result'] == ['20 ms']
    # a wrong unit is a compile error that names both types
    reply, _ = run_cell(kc, 'lif().tauM(mV(5))')
    assert reply['status'] == 'error'
    assert 'Voltage' in reply['evalue'] or 'Voltage' in '\n'.join(reply['traceback'])


def test_the_installed_kernel_runs_hot_loops_in_simd_lanes(kernel):
    # the kernelspec resolves the Vector API module (InstallCommand's defaults), so LIF and crossbar reads run in lanes
    _, kc = kernel
    msgs = run_ok(kc, 'org.neuromorph.jobs.Lanes.enabled()')
    assert results(msgs) == ['true']


def test_is_complete(kernel):
    _, kc = kernel
    def status(code):
        return reply_to(kc.get_shell_msg, kc.is_complete(code))['content']
    assert status('int z = 3;')['status'] == 'complete'
    incomplete = status('for (int i = 0; i < 3; i++) {')
    assert incomplete['status'] == 'incomplete'
    assert incomplete['indent'] == '    '
    # as IPython: code that can never compile is invalid, an unknown name is for the run to report
    for code in ('int = 7q;', 'int ok = 1; int = 2;', '1 +* 2', 'foo bar baz'):
        assert status(code)['status'] == 'invalid', code
    assert status('undefinedName + 1')['status'] == 'complete'
    # magics: a line magic is whole; a cell magic's body ends at a blank line
    assert status('%time 1 + 1')['status'] == 'complete'
    assert status('%%html\n<b>bold</b>')['status'] == 'incomplete'
    assert status('%%html\n<b>bold</b>\n')['status'] == 'complete'


def test_completion(kernel):
    _, kc = kernel
    run_cell(kc, 'String greeting = "hi";')
    code = 'greeting.toUpp'
    c = reply_to(kc.get_shell_msg, kc.complete(code, len(code)))['content']
    assert c['status'] == 'ok'
    assert any(m.startswith('toUpperCase') for m in c['matches'])
    assert c['cursor_start'] == len('greeting.') and c['cursor_end'] == len(code)


def test_bad_signature_is_dropped(kernel):
    km, kc = kernel
    session = kc.session
    good_key = session.key
    session.key = b'not-the-key'
    session.auth = None
    import hmac, hashlib
    session.auth = hmac.HMAC(b'not-the-key', digestmod=hashlib.sha256)
    try:
        kc.execute('int forged = 666;')
    finally:
        session.key = good_key
        session.auth = hmac.HMAC(good_key, digestmod=hashlib.sha256)
    # the forged request got no reply; a good one is answered and 'forged' was never defined
    reply, _ = run_cell(kc, 'forged')
    assert reply['status'] == 'error'
    assert 'cannot find symbol' in reply['evalue']


@pytest.mark.parametrize('channel,restart', [('shell', True), ('control', False)])
def test_shutdown(jupyter_path, channel, restart):
    from jupyter_client.manager import start_new_kernel
    km, kc = start_new_kernel(kernel_name='neuromorph-java', startup_timeout=60)
    try:
        # a thread the cell started and that ignores interrupts must not keep the process alive
        run_cell(kc, 'new Thread(() -> { while (true) { try { Thread.sleep(100); } catch (InterruptedException e) { } } })'
                     '.start();')
        msg = kc.session.msg('shutdown_request', {'restart': restart})
        if channel == 'shell':
            kc.shell_channel.send(msg)
            reply = reply_to(kc.get_shell_msg, msg['header']['msg_id'])
        else:
            kc.control_channel.send(msg)
            reply = reply_to(kc.get_control_msg, msg['header']['msg_id'])
        assert reply['msg_type'] == 'shutdown_reply'
        assert reply['content'] == {'status': 'ok', 'restart': restart}
        replied = time.monotonic()
        km.provisioner.process.wait(timeout=30)
        assert km.provisioner.process.returncode == 0
        assert time.monotonic() - replied < 2, 'the process exits promptly after shutdown_reply'
    finally:
        kc.stop_channels()
        km.cleanup_resources()


def test_a_runtime_without_jshell_or_javac_is_named_at_install_and_at_start(tmp_path):
    # --limit-modules java.se hides jdk.jshell and jdk.compiler, as a JRE-only installation would
    r = subprocess.run([JAVA, '--limit-modules', 'java.se', '-jar', JAR, 'install', '--prefix', str(tmp_path)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert 'jdk.jshell' in r.stderr and 'install a JDK' in r.stderr, r.stderr
    assert not (tmp_path / 'share').exists()
    conn = tmp_path / 'c.json'
    conn.write_text(json.dumps({'shell_port': 1, 'iopub_port': 2, 'stdin_port': 3, 'control_port': 4,
                                'hb_port': 5, 'ip': '127.0.0.1', 'key': 'k', 'transport': 'tcp',
                                'signature_scheme': 'hmac-sha256'}))
    r = subprocess.run([JAVA, '--limit-modules', 'java.se', '-jar', JAR, 'kernel', '--connection-file', str(conn)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and 'install a JDK' in r.stderr, r.stderr


def test_install_takes_jvm_options_from_flags_and_the_environment(tmp_path):
    env = dict(os.environ, NEUROMORPH_JVM_OPTS='-Xmx3g -XX:+UseG1GC')
    r = subprocess.run([JAVA, '-jar', JAR, 'install', '--language', 'java', '--no-class-archive', '--prefix',
                        str(tmp_path), '--jvm-opts', '-Xss2m -Dneuromorph.test=1', '--jvm-option', '-Xms64m'],
                       capture_output=True, text=True, timeout=60, env=env)
    assert r.returncode == 0, r.stderr
    argv = json.loads((tmp_path / 'share/jupyter/kernels/neuromorph-java/kernel.json').read_text())['argv']
    java = next(i for i, a in enumerate(argv) if os.path.basename(a) == 'java')
    options = argv[java + 1:argv.index('-jar')]
    # ours minus the collector and initial heap the user chose, then the user's in order; no Security Manager
    # option (JDK 24 and later refuse to start with one), the Unsafe access Kotlin's compiler needs from JDK 23 on
    ours = ['-XX:MinHeapFreeRatio=10', '-XX:MaxHeapFreeRatio=30', '--add-modules=jdk.incubator.vector']
    if java_feature() >= 23:
        ours.append('--sun-misc-unsafe-memory-access=allow')
    assert options == ours + ['-Xmx3g', '-XX:+UseG1GC', '-Xss2m', '-Dneuromorph.test=1', '-Xms64m'], options
    assert not any('security.manager' in a for a in argv)


@pytest.mark.parametrize('kernel_name,cell', [('neuromorph-java', 'int warned = 1;'),
                                              ('neuromorph-kotlin', 'val warned = lif { tauM = 20.ms }.tauM()')])
def test_the_kernel_prints_no_jvm_warning_the_user_cannot_act_on(jupyter_path, kernel_name, cell, tmp_path):
    from jupyter_client.manager import start_new_kernel
    with open(tmp_path / 'stderr', 'wb') as stderr:
        km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=120, stderr=stderr)
    try:
        reply, _ = run_cell(kc, cell, timeout=120)
        assert reply['status'] == 'ok', reply
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    err = (tmp_path / 'stderr').read_text(errors='replace')
    assert 'listening' in err, 'the kernel log still reaches stderr: ' + err
    assert [l for l in err.splitlines() if l.startswith('WARNING')] == [], err


def test_bad_connection_file_stops_startup():
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        json.dump({'shell_port': 1, 'iopub_port': 2, 'stdin_port': 3, 'control_port': 4, 'hb_port': 5,
                   'ip': '127.0.0.1', 'key': 'k', 'transport': 'tcp', 'signature_scheme': 'hmac-md5'}, f)
    r = subprocess.run([JAVA, '-jar', JAR, 'kernel', '--connection-file', f.name],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode != 0
    assert 'hmac-md5' in r.stderr and 'hmac-sha256' in r.stderr
    r = subprocess.run([JAVA, '-jar', JAR, 'kernel', '--connection-file', '/nonexistent/conn.json'],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode != 0
    assert 'cannot read connection file' in r.stderr


def test_trailing_semicolon_hides_value(kernel):
    _, kc = kernel
    reply, msgs = run_cell(kc, '6 * 7;')
    assert reply['status'] == 'ok'
    assert 'execute_result' not in types(msgs)
    reply, msgs = run_cell(kc, '6 * 7')
    assert [m['content']['data']['text/plain'] for m in msgs if m['msg_type'] == 'execute_result'] == ['42']


@pytest.mark.parametrize('language', ['java', 'kotlin'])
def test_an_interrupt_while_the_cell_compiles_stops_it(language, kernel, kotlin_kernel):
    # 300 declarations take the compiler seconds; the interrupt comes during that compile, before the loop runs,
    # and must stop the loop when it would start (it used to be lost, and the loop ran on)
    km, kc = kernel if language == 'java' else kotlin_kernel
    run_cell(kc, 'val keptHere = 11' if language == 'kotlin' else 'int keptHere = 11;')
    declare = 'fun f{0}() = {0}' if language == 'kotlin' else 'int f{0}() {{ return {0}; }}'
    code = '\n'.join(declare.format(k) for k in range(300)) + '\nwhile (true) { }'
    msg_id = kc.execute(code)
    time.sleep(0.3)
    km.interrupt_kernel()
    reply = reply_to(kc.get_shell_msg, msg_id, 120)['content']
    assert reply['status'] == 'error' and reply['ename'] == 'Interrupted', reply
    _, msgs = run_cell(kc, 'keptHere')
    assert results(msgs) == ['11'], msgs


def test_heartbeat_echoes(kernel):
    """A raw REQ socket on the heartbeat port gets its bytes back."""
    import zmq
    km, _ = kernel
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.REQ)
    sock.setsockopt(zmq.LINGER, 0)
    sock.connect('tcp://%s:%d' % (km.ip, km.hb_port))
    try:
        sock.send(b'ping-123')
        assert sock.poll(5000), 'no heartbeat echo within 5 s'
        assert sock.recv() == b'ping-123'
    finally:
        sock.close()


def test_install_twice_replaces_and_uninstall_removes():
    prefix = tempfile.mkdtemp(prefix='neuromorph-install-')
    spec_dir = os.path.join(prefix, 'share', 'jupyter', 'kernels', 'nm-test')
    for _ in range(2):
        r = subprocess.run([JAVA, '-jar', JAR, 'install', '--prefix', prefix, '--language', 'java', '--name', 'nm-test',
                            '--no-class-archive'],
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
    assert sorted(os.listdir(spec_dir)) == ['kernel.json', 'logo-32x32.png', 'logo-64x64.png']
    with open(os.path.join(spec_dir, 'kernel.json')) as f:
        spec = json.load(f)
    assert spec['display_name'] == 'Neuromorph (Java)'
    assert spec['language'] == 'java'
    assert spec['interrupt_mode'] == 'message'
    assert os.path.isabs(spec['argv'][spec['argv'].index('-jar') + 1])
    assert spec['argv'][-2:] == ['--connection-file', '{connection_file}']
    r = subprocess.run([JAVA, '-jar', JAR, 'uninstall', '--prefix', prefix, '--name', 'nm-test'],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and not os.path.exists(spec_dir)


def test_install_gives_both_kernels_to_jupyter_and_uninstall_removes_both():
    """`jupyter kernelspec list` (Debian's jupyter_client) sees the Java and the Kotlin kernel after install."""
    prefix = tempfile.mkdtemp(prefix='neuromorph-install-')
    env = dict(os.environ, JUPYTER_PATH=os.path.join(prefix, 'share', 'jupyter'))
    assert subprocess.run([JAVA, '-jar', JAR, 'install', '--prefix', prefix, '--no-class-archive'], capture_output=True,
                          timeout=60).returncode == 0
    listed = subprocess.run([sys.executable, '-m', 'jupyter_client.kernelspecapp', 'list', '--json'],
                            capture_output=True, text=True, timeout=60, env=env)
    specs = json.loads(listed.stdout)['kernelspecs']
    assert specs['neuromorph-java']['spec']['display_name'] == 'Neuromorph (Java)'
    assert specs['neuromorph-kotlin']['spec']['display_name'] == 'Neuromorph (Kotlin)'
    assert specs['neuromorph-kotlin']['spec']['language'] == 'kotlin'
    assert '--language' in specs['neuromorph-kotlin']['spec']['argv']
    refused = subprocess.run([JAVA, '-jar', JAR, 'install', '--prefix', prefix, '--name', 'x'],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and '--language' in refused.stderr
    assert subprocess.run([JAVA, '-jar', JAR, 'uninstall', '--prefix', prefix], capture_output=True,
                          timeout=60).returncode == 0
    kernels = os.path.join(prefix, 'share', 'jupyter', 'kernels')
    assert not os.path.exists(os.path.join(kernels, 'neuromorph-java'))
    assert not os.path.exists(os.path.join(kernels, 'neuromorph-kotlin'))


def test_help_lists_subcommands():
    r = subprocess.run([JAVA, '-jar', JAR, '--help'], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0
    for sub in ('kernel', 'install', 'uninstall'):
        assert sub in r.stdout


def test_inspect_shows_signature(kernel):
    _, kc = kernel
    code = 'lif().tauM'
    reply = reply_to(kc.get_shell_msg, kc.inspect(code, len(code), 0))['content']
    assert reply['status'] == 'ok' and reply['found'] is True
    assert 'Lif Lif.tauM(Time value)' in reply['data']['text/plain']
    code = 'noSuchNameAnywhere'
    reply = reply_to(kc.get_shell_msg, kc.inspect(code, len(code), 0))['content']
    assert reply['status'] == 'ok' and reply['found'] is False


def test_history_tail_search_and_across_restart(jupyter_path):
    from jupyter_client.manager import start_new_kernel
    km, kc = start_new_kernel(kernel_name='neuromorph-java', startup_timeout=60)
    try:
        run_cell(kc, 'int histA = 1;')
        run_cell(kc, 'int histB = 2;')
        tail = reply_to(kc.get_shell_msg, kc.history(hist_access_type='tail', n=2))['content']['history']
        assert [h[2] for h in tail] == ['int histA = 1;', 'int histB = 2;']
        session = tail[0][0]
        found = reply_to(kc.get_shell_msg, kc.history(hist_access_type='search', pattern='*histB*'))['content']
        assert [h[2] for h in found['history']] == ['int histB = 2;']
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=60)
        previous = reply_to(kc.get_shell_msg, kc.history(hist_access_type='range', session=-1, start=1))
        inputs = [h[2] for h in previous['content']['history']]
        assert inputs[-2:] == ['int histA = 1;', 'int histB = 2;']
        assert all(h[0] == session for h in previous['content']['history'])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def test_stdin_refused_when_not_allowed(kernel):
    _, kc = kernel
    msg_id = kc.execute('System.in.read();', allow_stdin=False)
    reply = reply_to(kc.get_shell_msg, msg_id)['content']
    assert reply['status'] == 'error'
    assert reply['ename'] == 'java.io.IOException'
    assert 'allow_stdin is false' in reply['evalue']


def test_a_request_whose_content_does_not_fit_gets_an_error_naming_it(kernel):
    """Contents are bound to typed records: a cursor that is not a number is refused by name, and the kernel serves."""
    _, kc = kernel
    bad = kc.session.msg('complete_request', {'code': 'lif().', 'cursor_pos': {'not': 'a number'}})
    kc.shell_channel.send(bad)
    reply = reply_to(kc.get_shell_msg, bad['header']['msg_id'])
    assert reply['msg_type'] == 'complete_reply'
    assert reply['content']['status'] == 'error' and reply['content']['ename'] == 'MalformedRequest', reply
    assert 'complete_request' in reply['content']['evalue'] and 'cursor_pos' in reply['content']['evalue'], reply
    _, msgs = run_cell(kc, '6 * 7')
    assert results(msgs) == ['42']

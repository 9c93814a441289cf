"""Fixtures for driving the Neuromorph kernel with Debian's jupyter_client.

The kernelspec is installed by the kernel's own `install --prefix` into a temporary directory that becomes
JUPYTER_PATH, so these tests exercise the real install and the real kernel.json.
"""
import os
import subprocess
import tempfile

import pytest
from jupyter_client.manager import start_new_kernel

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', '..'))
JAR = os.environ.get('NEUROMORPH_JAR', os.path.join(ROOT, 'kernel', 'target', 'neuromorph.jar'))
TIMEOUT = 60
# the JDK whose java installs and so runs the kernels (install/test.sh runs the suite on JDK 17 and on 25)
JAVA = os.environ.get('NEUROMORPH_JAVA', 'java')


def java_feature():
    """The feature release (17, 21, 25) of JAVA."""
    r = subprocess.run([JAVA, '-XshowSettings:properties', '-version'], capture_output=True, text=True, timeout=60)
    line = next(l for l in r.stderr.splitlines() if l.strip().startswith('java.specification.version'))
    return int(line.split('=')[1].strip())


@pytest.fixture(scope='session')
def jupyter_path():
    prefix = tempfile.mkdtemp(prefix='neuromorph-kernels-')
    subprocess.run([JAVA, '-jar', JAR, 'install', '--prefix', prefix], check=True,
                   stdout=subprocess.PIPE)
    path = os.path.join(prefix, 'share', 'jupyter')
    os.environ['JUPYTER_PATH'] = path
    # the kernels' history goes to a fresh data directory, never the user's
    os.environ['XDG_DATA_HOME'] = tempfile.mkdtemp(prefix='neuromorph-data-')
    yield path


def _running(kernel_name):
    km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=TIMEOUT)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=False)


@pytest.fixture(scope='module')
def kernel(jupyter_path):
    yield from _running('neuromorph-java')


@pytest.fixture(scope='module')
def kotlin_kernel(jupyter_path):
    yield from _running('neuromorph-kotlin')


def run_cell(kc, code, timeout=TIMEOUT):
    """Executes code and returns (reply content, [iopub messages for this request, up to idle])."""
    msg_id = kc.execute(code)
    messages = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg['parent_header'].get('msg_id') != msg_id:
            continue
        messages.append(msg)
        if msg['msg_type'] == 'status' and msg['content']['execution_state'] == 'idle':
            break
    reply = reply_to(kc.get_shell_msg, msg_id, timeout)
    return reply['content'], messages


def run_ok(kc, code, timeout=TIMEOUT):
    """Executes code that must succeed; its iopub messages (see run_cell)."""
    reply, messages = run_cell(kc, code, timeout)
    assert reply['status'] == 'ok', reply
    return messages


def result_data(messages):
    """The mime bundle of the cell's execute_result."""
    return [m['content']['data'] for m in messages if m['msg_type'] == 'execute_result'][0]


def reply_to(get, msg_id, timeout=30):
    """The reply whose parent is msg_id, skipping replies to earlier requests (start-up sends kernel_info
    until answered, so more than one kernel_info_reply can be queued)."""
    while True:
        msg = get(timeout=timeout)
        if msg['parent_header'].get('msg_id') == msg_id:
            return msg


def types(messages):
    return [m['msg_type'] for m in messages]


def results(messages):
    """The text/plain of the execute_result messages among a cell's iopub messages."""
    return [m['content']['data']['text/plain'] for m in messages if m['msg_type'] == 'execute_result']


def stdout(messages):
    return ''.join(m['content']['text'] for m in messages
                   if m['msg_type'] == 'stream' and m['content']['name'] == 'stdout')

"""A Spark standalone cluster on loopback for tests and benchmarks: a master and workers started from the very jars
the kernel resolves for its sweeps (`neuromorph spark-jars`), each in a process group of its own."""
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', '..'))
JAR = os.environ.get('NEUROMORPH_JAR', os.path.join(ROOT, 'kernel', 'target', 'neuromorph.jar'))
JAVA = os.environ.get('NEUROMORPH_JAVA', 'java')


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def wait_for(path, pattern, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if os.path.exists(path) and re.search(pattern, open(path, errors='replace').read()):
            return
        time.sleep(0.25)
    raise AssertionError(f'{path} never showed {pattern!r} in {seconds} s:\n' + open(path, errors='replace').read()[-3000:])


def java_home():
    return os.path.dirname(os.path.dirname(os.path.realpath(shutil.which(JAVA))))


class Cluster:
    """A standalone master and `workers` one-core workers on loopback, each in a process group of its own (a
    worker's executors are its children); stop() ends them all. Every wait is bounded."""

    def __init__(self, workers=2):
        self.dir = tempfile.mkdtemp(prefix='neuromorph-spark-')
        jars = subprocess.run([JAVA, '-jar', JAR, 'spark-jars'], capture_output=True, text=True, timeout=300,
                              check=True).stdout.strip().split(os.pathsep)
        # a worker starts executors from $SPARK_HOME/jars, as in a Spark distribution
        os.makedirs(os.path.join(self.dir, 'jars'))
        for i, jar in enumerate(jars):
            os.symlink(jar, os.path.join(self.dir, 'jars', f'{i:03d}-{os.path.basename(jar)}'))
        self.env = dict(os.environ, SPARK_HOME=self.dir, SPARK_SCALA_VERSION='2.13', JAVA_HOME=java_home(),
                        SPARK_LOCAL_IP='127.0.0.1')
        self.classpath = os.path.join(self.dir, 'jars', '*')
        self.processes = {}
        self.workers = [f'worker{i + 1}' for i in range(workers)]
        port = free_port()
        self.url = f'spark://127.0.0.1:{port}'
        self.start('master', 'org.apache.spark.deploy.master.Master', '--host', '127.0.0.1', '--port', str(port),
                   '--webui-port', '0')
        wait_for(self.log('master'), r'I have been elected leader', 90)
        for name in self.workers:
            self.start(name, 'org.apache.spark.deploy.worker.Worker', '--host', '127.0.0.1', '--cores', '1',
                       '--memory', '1536m', '--webui-port', '0', '--work-dir', os.path.join(self.dir, name),
                       self.url)
        for name in self.workers:
            wait_for(self.log(name), r'Successfully registered with master', 90)

    def log(self, name):
        return os.path.join(self.dir, name + '.log')

    def start(self, name, main, *args):
        with open(self.log(name), 'w') as log:
            self.processes[name] = subprocess.Popen([JAVA, '-Xmx512m', '-cp', self.classpath, main, *args],
                                                    stdout=log, stderr=subprocess.STDOUT, env=self.env,
                                                    start_new_session=True, stdin=subprocess.DEVNULL)

    def kill(self, name):
        """The worker and the executors it started, at once (SIGKILL: no goodbye to the master or the driver)."""
        os.killpg(self.processes[name].pid, signal.SIGKILL)
        self.processes[name].wait(timeout=30)

    def stop(self):
        for p in self.processes.values():
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait(timeout=30)
        shutil.rmtree(self.dir, ignore_errors=True)

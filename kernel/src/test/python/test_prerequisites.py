"""The test command's prerequisites are installed by the project's own scripts, not by hand.

A machine of this kind starts with none of Debian's Jupyter or test packages; install/test.sh installs the lists in
install/prerequisites.sh. Every module these tests import, every program they or the notebook tests start, must
come from a package named in those lists (not from one that happens to be on the developer's machine, nor only as
another package's dependency, which a later version may drop).
"""
import ast
import glob
import os
import re
import subprocess
import sys

from conftest import ROOT

HERE = os.path.dirname(os.path.abspath(__file__))
# programs the Maven notebook tests start (BrowserTest: Debian's Chromium driven through ChromeDriver)
PROGRAMS = ['/usr/bin/chromium', '/usr/bin/chromedriver']
# Jupyter's front ends, run as `python3 -m MODULE` by these tests and the notebook tests
RUN_AS_MODULES = ['jupyter_console', 'nbconvert', 'notebook', 'nbclient']


def depends(package):
    r = subprocess.run(['dpkg-query', '-W', '-f=${Depends}', package], capture_output=True, text=True)
    return {d.strip().split(' ')[0] for d in r.stdout.split(',') if d.strip()}


def listed_packages():
    text = open(os.path.join(ROOT, 'install', 'prerequisites.sh')).read()
    packages = set()
    for name in ('BUILD_PACKAGES', 'JUPYTER_PACKAGES', 'TEST_PACKAGES'):
        m = re.search(r'^' + name + r'=\(([^)]*)\)', text, re.M)
        assert m, f'{name} is not in install/prerequisites.sh'
        packages.update(m.group(1).split())
    return packages


def imported_modules():
    modules = set()
    for path in glob.glob(os.path.join(HERE, '*.py')):
        for node in ast.walk(ast.parse(open(path).read())):
            if isinstance(node, ast.Import):
                modules.update(a.name.split('.')[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split('.')[0])
            elif isinstance(node, ast.Call) and getattr(node.func, 'attr', '') == 'importorskip':
                modules.add(node.args[0].value)  # a test that would skip where the package is missing
    local = {os.path.splitext(os.path.basename(p))[0] for p in glob.glob(os.path.join(HERE, '*.py'))}
    return sorted(m for m in modules if m not in sys.stdlib_module_names and m not in local)


def owner(path):
    r = subprocess.run(['dpkg', '-S', os.path.realpath(path)], capture_output=True, text=True)
    assert r.returncode == 0, f'{path} belongs to no Debian package: {r.stderr}'
    return r.stdout.split(':')[0]


def test_every_module_the_tests_import_comes_from_a_listed_package():
    listed = listed_packages()
    modules = imported_modules()
    assert 'jupyter_client' in modules and 'pexpect' in modules, modules
    for module in modules:
        found = __import__(module)
        package = owner(found.__file__)
        assert package in listed, f'{module} comes from {package}, which install/prerequisites.sh does not install'


def test_every_program_the_tests_start_comes_from_a_listed_package():
    listed = listed_packages()
    for program in PROGRAMS:
        assert os.path.exists(program), f'{program} is missing: install/test.sh should have installed it'
        assert owner(program) in listed, f'{program} comes from {owner(program)}, which is not listed'
    # the listed front-end packages (jupyter-nbconvert, ...) hold the commands; their modules come from the
    # python3-* packages those depend on exactly
    provided = listed.union(*(depends(p) for p in listed))
    for module in RUN_AS_MODULES:
        package = owner(__import__(module).__file__)
        assert package in provided, f'{module} comes from {package}, which no listed package installs'

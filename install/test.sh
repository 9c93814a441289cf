#!/usr/bin/env bash
# Run every test: installs missing prerequisites, then
#   1. Maven: unit tests of every module, the kernel jar, and the notebook tests (nbconvert on the built kernel)
#   2. pytest: end-to-end protocol tests with Debian's jupyter_client and jupyter console against the jar
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source install/prerequisites.sh

need_build_tools
need_packages "${JUPYTER_PACKAGES[@]}" "${TEST_PACKAGES[@]}"

echo "==> Maven: unit tests, kernel jar, notebook tests"
mvn -B verify

echo "==> pytest: the kernel under a real Jupyter client"
cd kernel/src/test/python
/usr/bin/python3 -m pytest -q -p no:cacheprovider .

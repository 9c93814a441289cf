#!/usr/bin/env bash
# Run every test: installs missing prerequisites, then
#   1. Maven: unit tests of every module, the kernel jar, and the notebook tests (nbconvert on the built kernel)
#   2. pytest: end-to-end protocol tests with Debian's jupyter_client and jupyter console against the jar
#   3. the same kernel on a second JDK (21 or later, e.g. the Temurin 25 beside OpenJDK 17): the unit tests, the
#      quickstart notebook's numbers, and the kernel's end-to-end and fault tests
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source install/prerequisites.sh

need_build_tools
need_packages "${JUPYTER_PACKAGES[@]}" "${TEST_PACKAGES[@]}"

echo "==> Maven: unit tests, kernel jar, notebook tests"
mvn -B verify

echo "==> pytest: the kernel under a real Jupyter client"
(cd kernel/src/test/python && /usr/bin/python3 -m pytest -q -p no:cacheprovider .)

SECOND_JDK="$(second_jdk || true)"
if [ -z "$SECOND_JDK" ]; then
    echo "==> SKIPPED: no second JDK (21 or later) in JAVA_HOME or /usr/lib/jvm; the suite ran on $(java_feature java) only"
    exit 0
fi
SECOND_JAVA="$SECOND_JDK/bin/java"
echo "==> JDK $(java_feature "$SECOND_JAVA") ($SECOND_JDK): unit tests, the quickstart notebook, neuromorph run"
# built above with the default JDK; surefire runs the tests in the second JDK's JVM, which also installs and so runs
# the kernels; the notebook tests that only repeat the first run's science are left to it (second-jdk-excludes.txt)
# (the test phase, not surefire:test alone, so that the modules resolve from this build on a machine whose local
# repository holds none of them)
mvn -B test -Djvm="$SECOND_JAVA" -Dsurefire.excludesFile="$ROOT/install/second-jdk-excludes.txt"

echo "==> JDK $(java_feature "$SECOND_JAVA"): the kernel's end-to-end and fault tests"
(cd kernel/src/test/python && NEUROMORPH_JAVA="$SECOND_JAVA" /usr/bin/python3 -m pytest -q -p no:cacheprovider \
    test_protocol.py test_both_kernels.py test_kotlin.py test_display_and_faults.py \
    test_reliability.py::test_a_hundred_cell_faults_each_followed_by_a_working_kernel \
    test_reliability.py::test_a_kernel_killed_mid_run_restarts_with_its_history_and_whole_files \
    test_reliability.py::test_a_kernel_whose_client_process_is_killed_stops_itself \
    test_spark.py::test_a_sweep_on_local_spark_gives_the_in_process_table \
    test_spark.py::test_neuromorph_run_takes_its_engine_from_the_environment)

# Shared by the bench/run-*.sh scripts (sourced, not run): moves to the repository's root (ROOT), loads the install
# helpers; prepare_bench installs what the anchors need, builds the bench module, and sets CP (our classes) and OUT
# (the results file, emptied). Usage: prepare_bench NAME PACKAGE...
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source install/prerequisites.sh

prepare_bench() {
    local name="$1"
    shift
    need_build_tools
    need_packages "$@"
    mvn -B -q -DskipTests install -pl bench -am
    CP="bench/target/classes:neuro-lib/target/classes:dsl/target/classes"
    OUT="bench/results/$name.jsonl"
    mkdir -p bench/results
    : > "$OUT"
}

# For the kernel benchmarks: Jupyter and the anchors' packages, and the kernel's jar (built if missing).
prepare_kernel_bench() {
    need_build_tools
    need_packages "${JUPYTER_PACKAGES[@]}" "${BENCH_PACKAGES[@]}"
    [ -f kernel/target/neuromorph.jar ] || mvn -B -q -DskipTests package
}

# prepare_kernel_bench, then the jar's kernelspecs installed into a temporary prefix (removed on exit) that
# JUPYTER_PATH names, so a benchmark runs the kernel built here whatever else is installed.
prepare_kernel_bench_with_kernelspecs() {
    prepare_kernel_bench
    KERNEL_PREFIX=$(mktemp -d)
    trap 'rm -rf "$KERNEL_PREFIX"' EXIT
    java -jar kernel/target/neuromorph.jar install --prefix "$KERNEL_PREFIX" >/dev/null
    export JUPYTER_PATH="$KERNEL_PREFIX/share/jupyter"
}

# Shared by the bench/run-*-bench.sh scripts (sourced, not run): installs what the anchors need, builds the
# bench module, and sets CP (our classes) and OUT (the results file, emptied). Usage: prepare_bench NAME PACKAGE...
prepare_bench() {
    local name="$1"
    shift
    source install/prerequisites.sh
    need_build_tools
    need_packages "$@"
    mvn -B -q -DskipTests install -pl bench -am
    CP="bench/target/classes:neuro-lib/target/classes:dsl/target/classes"
    OUT="bench/results/$name.jsonl"
    mkdir -p bench/results
    : > "$OUT"
}

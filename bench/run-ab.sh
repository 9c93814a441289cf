#!/usr/bin/env bash
# Before and after: the MVM and CUBA benchmarks of two revisions of this repository, alternating run by run for
# ROUNDS rounds (default 5; this machine is shared and noisy), medians and their ratios. For a change that must keep
# the speed (a refactoring): "within noise" means ratios near 1 with the rounds' ranges overlapping.
# Usage: bench/run-ab.sh OLD_REV [NEW_REV]   (NEW_REV defaults to the working tree). Writes bench/results/ab.jsonl.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: bench/run-ab.sh OLD_REV [NEW_REV]" >&2; exit 2; }
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
need_build_tools
OUT="bench/results/ab.jsonl"
mkdir -p bench/results
: > "$OUT"
work=$(mktemp -d)
cleanup() {
    git worktree remove --force "$work/old" 2>/dev/null || true
    git worktree remove --force "$work/new" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# each revision's classes, built in a worktree of its own (the working tree itself for the new side by default)
classes() {
    local dir="$1"
    (cd "$dir" && mvn -B -q -DskipTests compile -pl bench -am >&2)
    echo "$dir/bench/target/classes:$dir/neuro-lib/target/classes:$dir/dsl/target/classes:$DEPS"
}
DEPS=$(mvn -B -q dependency:build-classpath -pl bench -Dmdep.outputFile=/dev/stdout)
git worktree add -q "$work/old" "$1"
CP_OLD=$(classes "$work/old")
if [ $# -ge 2 ]; then
    git worktree add -q "$work/new" "$2"
    CP_NEW=$(classes "$work/new")
else
    CP_NEW=$(classes "$ROOT")
fi

for round in $(seq "${ROUNDS:-5}"); do
    for side in old new; do
        cp=$([ "$side" = old ] && echo "$CP_OLD" || echo "$CP_NEW")
        mvm=$(java -Xms8g -Xmx8g -XX:+AlwaysPreTouch -XX:+UseTransparentHugePages --add-modules jdk.incubator.vector -cp "$cp" \
            org.neuromorph.bench.MvmBench 2> >(grep -v 'incubator modules' >&2) | tail -1)
        echo "{\"side\": \"$side\", \"round\": $round, \"bench\": \"mvm\", \"result\": $mvm}" >> "$OUT"
        for n in 4000 64000; do
            cuba=$(java -Xmx4g --add-modules jdk.incubator.vector -cp "$cp" org.neuromorph.bench.CubaBench "$n" 1000 \
                12345 5 1 2> >(grep -v 'incubator modules' >&2) | tail -1)
            echo "{\"side\": \"$side\", \"round\": $round, \"bench\": \"cuba\", \"n\": $n, \"result\": $cuba}" >> "$OUT"
        done
    done
done

/usr/bin/python3 - "$OUT" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def med(side, pick):
    values = [v for r in rows if r['side'] == side for v in pick(r)]
    return statistics.median(values), min(values), max(values)
print(f"medians over {max(r['round'] for r in rows)} rounds (range in brackets)")
print('| benchmark | old | new | new/old |')
print('|---|---|---|---|')
mvm = [r for r in rows if r['bench'] == 'mvm']
for key, label in (('mvm', 'float64'), ('mvm_float32', 'float32')):
    for n in [m['n'] for m in mvm[0]['result'][key]]:
        pick = lambda r, key=key, n=n: [m['gflops'] for m in r['result'][key] if m['n'] == n] if r['bench'] == 'mvm' else []
        o, n_ = med('old', pick), med('new', pick)
        print(f"| MVM {label} {n}² (GFLOP/s) | {o[0]:.1f} [{o[1]:.1f}–{o[2]:.1f}] | {n_[0]:.1f} [{n_[1]:.1f}–{n_[2]:.1f}] "
              f"| {n_[0] / o[0]:.2f} |")
for n in (4000, 64000):
    pick = lambda r, n=n: [r['result']['t_sim_loop_s']] if r['bench'] == 'cuba' and r['n'] == n else []
    o, n_ = med('old', pick), med('new', pick)
    spikes = {r['side']: r['result']['total_spikes'] for r in rows if r['bench'] == 'cuba' and r['n'] == n}
    print(f"| CUBA {n} neurons, 1 s (loop s) | {o[0]:.3f} [{o[1]:.3f}–{o[2]:.3f}] | {n_[0]:.3f} [{n_[1]:.3f}–{n_[2]:.3f}] "
          f"| {n_[0] / o[0]:.2f} (spikes {spikes.get('old')} / {spikes.get('new')}) |")
PY

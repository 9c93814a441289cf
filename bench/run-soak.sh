#!/usr/bin/env bash
# Ten minutes (or $1) of steady load on the Java kernel; see kernel_soak.py. Uses the installed kernelspecs (a
# temporary install of the jar built here).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source install/prerequisites.sh
need_build_tools
need_packages "${JUPYTER_PACKAGES[@]}" "${BENCH_PACKAGES[@]}"
[ -f kernel/target/neuromorph.jar ] || mvn -B -q -DskipTests package
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
java -jar kernel/target/neuromorph.jar install --language java --prefix "$prefix" >/dev/null
JUPYTER_PATH="$prefix/share/jupyter" /usr/bin/python3 bench/kernel_soak.py --minutes "${1:-10}" --window 60

#!/usr/bin/env bash
# Set up Neuromorph on this machine and run the main job:
#   1. installs what is missing (JDK 17, Maven, Debian's Jupyter: notebook, nbconvert, console, jupyter_client)
#   2. builds kernel/target/neuromorph.jar (one jar with every dependency)
#   3. installs the "Neuromorph (Java)" and "Neuromorph (Kotlin)" kernelspecs for the current user
#   4. executes notebooks/00-quickstart.ipynb headless on the kernel and keeps the executed notebook and an HTML copy
# Running it again rebuilds and reinstalls in place.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source install/prerequisites.sh

need_build_tools
need_packages "${JUPYTER_PACKAGES[@]}"

echo "==> building (mvn package, tests skipped: install/test.sh runs them)"
mvn -B -q -DskipTests package

JAR="$ROOT/kernel/target/neuromorph.jar"
echo "==> installing the kernelspecs (with a class archive each, so they start faster)"
java -jar "$JAR" install --user

OUT="$ROOT/build-output"
mkdir -p "$OUT"
echo "==> executing notebooks/00-quickstart.ipynb headless"
/usr/bin/python3 -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
    --output-dir "$OUT" --output 00-quickstart.executed notebooks/00-quickstart.ipynb
/usr/bin/python3 -m nbconvert --to html --output-dir "$OUT" --output 00-quickstart \
    "$OUT/00-quickstart.executed.ipynb"

cat <<MSG

Neuromorph is installed.
  kernel jar:          $JAR
  executed notebook:   $OUT/00-quickstart.executed.ipynb
  HTML copy:           $OUT/00-quickstart.html
Open Jupyter on the notebooks with:
  jupyter notebook --notebook-dir "$ROOT/notebooks"
and pick the "Neuromorph (Java)" or "Neuromorph (Kotlin)" kernel
(00-quickstart-kotlin.ipynb is the same experiment in Kotlin).
MSG

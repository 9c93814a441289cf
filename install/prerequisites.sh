# Sourced by install.sh and test.sh: installs from Debian's packages whatever of the project's needs is missing.
# Runs apt-get only when something is missing, so a second run does nothing.

need_packages() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "==> installing Debian packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Build tools (Java 17 and Maven), and the Jupyter front ends the kernel is used and tested with.
BUILD_PACKAGES=(openjdk-17-jdk-headless maven)
JUPYTER_PACKAGES=(jupyter-notebook jupyter-nbconvert jupyter-console python3-jupyter-client python3-nbclient)
TEST_PACKAGES=(python3-pytest python3-pexpect python3-psutil python3-zmq python3-h5py-serial python3-numpy python3-pynn python3-brian chromium chromium-driver)
BENCH_PACKAGES=(python3-ipykernel python3-psutil)

need_build_tools() {
    if command -v java >/dev/null && command -v javac >/dev/null && command -v mvn >/dev/null \
        && java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
        return 0
    fi
    need_packages "${BUILD_PACKAGES[@]}"
}

# The feature release (17, 21, 25) of the java given as $1.
java_feature() {
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

# A JDK of release 21 or later other than the default java, for testing the kernel on a second JDK: JAVA_HOME if it
# is one, else the newest under /usr/lib/jvm. Prints its home; fails if there is none.
second_jdk() {
    local default home
    default="$(readlink -f "$(command -v java)")"
    for home in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
        home="${home%/}"
        [ -n "$home" ] && [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
        [ "$(readlink -f "$home/bin/java")" != "$default" ] || continue
        [ "$(java_feature "$home/bin/java")" -ge 21 ] 2>/dev/null || continue
        echo "$home"
        return 0
    done
    return 1
}

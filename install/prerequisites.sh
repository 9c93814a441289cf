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
TEST_PACKAGES=(python3-pytest python3-pexpect chromium chromium-driver)
BENCH_PACKAGES=(python3-ipykernel python3-psutil)

need_build_tools() {
    if command -v java >/dev/null && command -v javac >/dev/null && command -v mvn >/dev/null \
        && java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
        return 0
    fi
    need_packages "${BUILD_PACKAGES[@]}"
}

#!/usr/bin/env bash
# Gradescope runs this once, as root and with network access, when it builds
# the image of an assignment whose autograder is a `racelab autograder-bundle`
# zip (unzipped into $AUTOGRADER_ROOT/source). It installs what building and
# running racelab needs, then builds racelab from the RaceLab sources in the
# bundle and installs it into $RACELAB_PREFIX (default /usr/local), where
# run_autograder finds it on PATH.
#
# Gradescope's images are Ubuntu 22.04 or 24.04. Clang 19 comes from the
# distribution when it has it, from apt.llvm.org otherwise; CMake >= 3.25
# from the distribution, or from Kitware's repository on 22.04 (3.22).
#
# Overridable for testing: AUTOGRADER_ROOT (default /autograder),
# RACELAB_PREFIX (default /usr/local), RACELAB_JOBS (default: all cores).
set -euo pipefail

ROOT=${AUTOGRADER_ROOT:-/autograder}
SOURCE="$ROOT/source/racelab"
BUILD="$ROOT/racelab-build"
PREFIX=${RACELAB_PREFIX:-/usr/local}
JOBS=${RACELAB_JOBS:-$(nproc)}
LLVM_VERSION=19

log() { echo "setup.sh: $*"; }

if [[ ! -f $SOURCE/CMakeLists.txt ]]; then
  echo "setup.sh: no RaceLab sources in $SOURCE; was the zip made by" \
    "racelab autograder-bundle?" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt_install() { apt-get install -y -q --no-install-recommends "$@"; }

apt-get update -q
apt_install ca-certificates gnupg wget lsb-release
codename=$(lsb_release -cs)

# A package the configured repositories know of (and can install).
available() { apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [0-9]'; }

if ! available "clang-$LLVM_VERSION"; then
  log "clang-$LLVM_VERSION is not in $codename's archive; adding apt.llvm.org"
  install -d -m 0755 /etc/apt/keyrings
  wget -qO- https://apt.llvm.org/llvm-snapshot.gpg.key |
    gpg --dearmor --yes -o /etc/apt/keyrings/apt.llvm.org.gpg
  echo "deb [signed-by=/etc/apt/keyrings/apt.llvm.org.gpg]" \
    "http://apt.llvm.org/$codename/ llvm-toolchain-$codename-$LLVM_VERSION main" \
    > /etc/apt/sources.list.d/llvm-$LLVM_VERSION.list
  apt-get update -q
fi

apt_install \
  "clang-$LLVM_VERSION" "libclang-$LLVM_VERSION-dev" "llvm-$LLVM_VERSION-dev" \
  "libclang-rt-$LLVM_VERSION-dev" cmake ninja-build pkg-config libzip-dev \
  bubblewrap gdb util-linux make python3

# RaceLab's CMakeLists.txt needs CMake 3.25; Ubuntu 22.04 has 3.22.
cmake_ok() {
  local v
  v=$(cmake --version | awk 'NR == 1 { print $3 }')
  [[ $(printf '%s\n%s\n' 3.25 "$v" | sort -V | head -n 1) == 3.25 ]]
}
if ! cmake_ok; then
  log "CMake $(cmake --version | awk 'NR == 1 { print $3 }') is too old; adding apt.kitware.com"
  wget -qO- https://apt.kitware.com/keys/kitware-archive-latest.asc |
    gpg --dearmor --yes -o /etc/apt/keyrings/kitware.gpg
  echo "deb [signed-by=/etc/apt/keyrings/kitware.gpg]" \
    "https://apt.kitware.com/ubuntu/ $codename main" \
    > /etc/apt/sources.list.d/kitware.list
  apt-get update -q
  apt_install cmake
  cmake_ok || { echo "setup.sh: could not install CMake >= 3.25" >&2; exit 1; }
fi

log "building racelab from $SOURCE"
cmake -S "$SOURCE" -B "$BUILD" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER="clang-$LLVM_VERSION" \
  -DCMAKE_CXX_COMPILER="clang++-$LLVM_VERSION" \
  -DRACELAB_BUILD_TESTS=OFF -DRACELAB_BUILD_SAMPLES=OFF
cmake --build "$BUILD" -j "$JOBS"
cmake --install "$BUILD" --prefix "$PREFIX"

# Fail the image build now rather than every submission later.
"$PREFIX/bin/racelab" --help > /dev/null
log "racelab installed in $PREFIX/bin"

#!/usr/bin/env bash
# Installs, through apt, exactly what RaceLab's build, tests and lessons need on
# Debian 12. Idempotent: packages already present are reported and skipped, so a
# second run does no network work at all.
set -euo pipefail

PACKAGES=(
  clang-19            # compiler for the tools and for every lesson
  libclang-19-dev     # Clang LibTooling headers and libclang-cpp
  llvm-19-dev         # LLVM Support (command line, YAML, JSON, processes)
  llvm-19-tools       # FileCheck, used by clang-tidy style tests
  clang-tidy-19       # host binary for the racelab clang-tidy plugin
  libclang-rt-19-dev  # ThreadSanitizer runtime
  cmake
  ninja-build
  ccache
  libgtest-dev
  libgmock-dev
  libzip-dev          # racelab autograder-bundle writes Gradescope's zip
  pkg-config          # finds libzip (Debian's libzip CMake package is broken)
  bubblewrap          # racelab grade's sandbox (bwrap: namespaces, no network)
  util-linux          # prlimit and setpriv around every sandboxed process
  gdb                 # stacks of hung lesson runs
  valgrind            # Helgrind and DRD columns of the detector matrix
  python3-yaml        # run-clang-tidy-19 -export-fixes merges with PyYAML
  make
  python3             # benchmark generator, corpus scoring (tests/perf, tests/analysis)
)

if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "install-deps: run as root or install sudo" >&2
  exit 2
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    echo "install-deps: $pkg already installed"
  else
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: nothing to install"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "install-deps: done"

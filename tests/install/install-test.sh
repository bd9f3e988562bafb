#!/usr/bin/env bash
# Installs RaceLab into a fresh prefix and uses it the way a course does:
# the installed files are all there, a tiny course repository of its own
# (tests/install/course) configures against the installed CMake package with
# find_package(RaceLab), and its check-races target verifies its lesson
# with the installed racelab; the installed racecheck and
# racelab-clang-tidy find the installed support header and plugin.
#   install-test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() { echo "install-test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log" >&2; fail "cmake --install failed"; }
for f in bin/racelab bin/racecheck bin/racelab-clang-tidy lib/racelab-tidy.so \
         share/racelab/sanitizers/tsan.flags share/racelab/sanitizers/tsan.options \
         share/racelab/samples/include/racelab/interleave.h \
         share/doc/racelab/README.md share/doc/racelab/checks/racelab-data-race.md \
         lib/cmake/RaceLab/RaceLabConfig.cmake lib/cmake/RaceLab/RaceLabConfigVersion.cmake \
         lib/cmake/RaceLab/RaceLabLessons.cmake; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
echo "install-test: installed files present under the prefix"

# The course copies itself away from RaceLab's tree, so nothing can be
# found through relative paths into the source.
cp -r "$source/tests/install/course" "$work/course"
cmake -S "$work/course" -B "$work/course-build" -G Ninja \
      -DCMAKE_PREFIX_PATH="$prefix" >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log" >&2; fail "the course does not configure against the package"; }
grep -q "week1/shared-counter" "$work/course-build/lessons/index.txt" ||
  fail "the lesson index does not list week1/shared-counter"
out=$(cmake --build "$work/course-build" --target check-races 2>&1)
status=$?
printf '%s\n' "$out"
[ $status -eq 0 ] || fail "check-races of the course failed (exit $status)"
printf '%s\n' "$out" | grep -q "1 passed, 0 failed" ||
  fail "check-races did not report '1 passed, 0 failed'"
echo "install-test: the course's check-races passed with the installed racelab"

# racecheck's default flags use the installed support header.
"$prefix/bin/racecheck" --verify "$work/course/week1/shared-counter/buggy.cpp" ||
  fail "installed racecheck --verify fails on the course's buggy.cpp"
out=$(cd "$work" && "$prefix/bin/racelab-clang-tidy" --quiet -checks='-*,racelab-*' \
      course/week1/shared-counter/buggy.cpp -- -std=c++20 -pthread \
      -I"$prefix/share/racelab/samples/include" 2>&1)
printf '%s\n' "$out" | grep -q "warning: data race on 'Total'.*\[racelab-data-race\]" ||
  { printf '%s\n' "$out" >&2; fail "installed racelab-clang-tidy did not report the race"; }
echo "install-test: installed racecheck and racelab-clang-tidy work"

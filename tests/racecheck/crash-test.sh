#!/usr/bin/env bash
# Runs racecheck over every C and C++ source in the repository. Findings are
# fine (exit 1); a crash, a hang, or a failure on a file that compiles
# (exit 2, a signal) fails the test and names the file.
#
#   tests/racecheck/crash-test.sh RACECHECK BUILD_DIR SOURCE_DIR
set -uo pipefail
racecheck=$1
build=$2
root=$3
cd "$root" || exit 2

failed=0
checked=0
run() { # file, then racecheck arguments after the file
  local file=$1
  shift
  timeout 300 "$racecheck" --format=json "$file" "$@" >/dev/null 2>"$build/crash-test.err"
  local rc=$?
  checked=$((checked + 1))
  if ((rc > 1)); then
    echo "FAILED (exit $rc): racecheck $file $*"
    head -n 20 "$build/crash-test.err"
    failed=$((failed + 1))
  fi
}

# The project's own sources, with the flags the build uses.
while IFS= read -r file; do
  run "$file" -p "$build"
done < <(git ls-files -- 'tools/*.cpp' 'tests/*.cpp' | grep -v '^tests/\(.*/\)\?fixtures/' |
         grep -v '^tests/analysis/corpus' | grep -v '^tests/install/' |
         grep -v '^tests/grading/submissions/')

# Lessons (also those of the install test's course), fixtures, corpus
# programs and the grader's test submissions: stand-alone, with the lesson
# flags.
while IFS= read -r file; do
  case $file in
  *.c) run "$file" -- -std=gnu17 -pthread -I samples/include ;;
  *) run "$file" -- -std=c++20 -pthread -I samples/include ;;
  esac
done < <(git ls-files -- 'samples/*.cpp' 'samples/*.c' 'tests/fixtures/*.cpp' \
           'tests/grader/fixtures/*.cpp' \
           'tests/install/*.cpp' \
           'tests/analysis/corpus*/*.cpp' 'tests/analysis/corpus*/*.c' \
           'tests/grading/submissions/*.cpp' |
         # The one submission that must not compile (the grader's build
         # criterion is tested with it).
         grep -v '^tests/grading/submissions/compile-error/')

rm -f "$build/crash-test.err"
echo "racecheck crash test: $checked files, $failed failed"
((failed == 0))

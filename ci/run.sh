#!/usr/bin/env bash
# The CI job: the README's two commands on this checkout, then the
# racecheck crash test.
#   1. install what is needed, build, verify every lesson (make check-races)
#   2. run the unit tests (make test)
#   3. racecheck over every source of the repository (ctest -L crash),
#      over the evaluation corpora (ctest -L corpus), the clang-tidy
#      plugin against racecheck on every lesson and corpus file, its checks
#      and docs and editor set-ups (-L tidy), and cmake --install with a
#      course project using the installed package (-L install), and that
#      samples/README.md is what racelab matrix generates (-L matrix)
# All always run, so one failure does not hide another; the job fails if
# any does.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
echo "=== ci: install dependencies, build, make check-races"
if ! { ./ci/install-deps.sh && make check-races JUNIT=build/check-races.junit.xml; }; then
  echo "=== ci: make check-races FAILED"
  status=1
fi
echo "=== ci: make test"
if ! make test; then
  echo "=== ci: make test FAILED"
  status=1
fi
echo "=== ci: racecheck crash test, corpus, clang-tidy plugin, install, grading"
if ! ctest --test-dir build -L '^(crash|corpus|tidy|install|matrix|grading)$' -j 2 --output-on-failure; then
  echo "=== ci: racecheck crash test, corpus, plugin, install or grading test FAILED"
  status=1
fi
exit $status

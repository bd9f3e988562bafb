#!/usr/bin/env bash
# The clang-tidy way of testing a check: run the real clang-tidy-19 with
# the racelab plugin on FILE and match its output against the
# `// CHECK-MESSAGES-DAG:` lines written next to the code (FileCheck, from
# llvm-19-tools). Any other racelab warning fails the test, so the silent
# cases in the file are checked too.
#
# A file with `// CHECK-FIXES:` lines is also fixed: clang-tidy --fix runs
# on a copy (CHECK lines blanked, as check_clang_tidy.py does, so they do
# not match themselves), the copy must match the CHECK-FIXES lines and
# still compile.
#   check-messages.sh PLUGIN FILE [COMPILER-FLAGS...]
set -uo pipefail
plugin=$1 file=$2
shift 2
tidy=${CLANG_TIDY:-clang-tidy-19}
filecheck=${FILECHECK:-FileCheck-19}
for tool in "$tidy" "$filecheck"; do
  if ! command -v "$tool" >/dev/null; then
    echo "check-messages: $tool not found (ci/install-deps.sh installs it)" >&2
    exit 2
  fi
done
output=$("$tidy" --quiet --load="$plugin" -checks='-*,racelab-*' "$file" -- "$@" 2>&1)
printf '%s\n' "$output" | "$filecheck" "$file" --check-prefix=CHECK-MESSAGES || exit 1
# FileCheck's DAG matches do not look past the last match: count the
# warnings, so that an unexpected one anywhere fails.
expected=$(grep -c 'CHECK-MESSAGES-DAG:.*: warning: ' "$file")
actual=$(printf '%s\n' "$output" | grep -c ': warning: .*\[racelab-')
if [ "$expected" != "$actual" ]; then
  echo "check-messages: $file expects $expected racelab warnings, clang-tidy gave $actual:" >&2
  printf '%s\n' "$output" | grep ': warning: ' >&2
  exit 1
fi

if grep -q 'CHECK-FIXES' "$file"; then
  compiler=${CXX:-clang++-19}
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  fixed="$scratch/$(basename "$file")"
  sed -E 's#// *CHECK-[A-Z-]+:.*#//#' "$file" > "$fixed"
  "$tidy" --quiet --fix --load="$plugin" -checks='-*,racelab-*' "$fixed" -- "$@" \
    >/dev/null 2>&1
  "$filecheck" "$file" --input-file="$fixed" --check-prefix=CHECK-FIXES \
    --strict-whitespace || { echo "check-messages: $file: the fixed code is not as expected" >&2
                             exit 1; }
  if ! "$compiler" -fsyntax-only "$@" "$fixed"; then
    echo "check-messages: $file: the fixed code does not compile" >&2
    exit 1
  fi
fi

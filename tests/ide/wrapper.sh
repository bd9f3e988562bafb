#!/usr/bin/env bash
# racelab-clang-tidy, the wrapper editors are pointed at: with the plugin
# from RACELAB_TIDY_PLUGIN it reports a lesson's bug and lists the six
# racelab checks; it hands arguments to clang-tidy unchanged (one with spaces
# too); it finds ../lib/racelab-tidy.so next to itself, also when called
# through a symlink; it exits 2 with a clear message when the plugin or
# clang-tidy 19 is missing.
#   wrapper.sh WRAPPER PLUGIN SOURCE_DIR
set -uo pipefail
if [ $# -ne 3 ]; then
  echo "usage: wrapper.sh WRAPPER PLUGIN SOURCE_DIR" >&2
  exit 2
fi
wrapper=$1 plugin=$2
source_dir=$(cd "$3" && pwd -P) || exit 2
if ! command -v clang-tidy-19 >/dev/null; then
  echo "wrapper: clang-tidy-19 not found (ci/install-deps.sh installs it)" >&2
  exit 2
fi
for file in "$wrapper" "$plugin"; do
  if [ ! -f "$file" ]; then
    echo "wrapper: FAIL: $file not found" >&2
    exit 1
  fi
done
if [ ! -x "$wrapper" ]; then
  echo "wrapper: FAIL: $wrapper is not executable" >&2
  exit 1
fi

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "wrapper: FAIL: $*" >&2
  failures=$((failures + 1))
}
# Runs the wrapper (or another command) with the given environment changes;
# output in $tmp/out, exit status in $status.
run() {
  env "$@" >"$tmp/out" 2>&1
  status=$?
}
checks_listed() { # the check names of a --list-checks output, one per line
  sed -n 's/^ *\(racelab-[a-z-]*\)$/\1/p' "$tmp/out" | sort | tr '\n' ' '
}
all_checks='racelab-cv-wait-without-predicate racelab-dangling-capture racelab-data-race racelab-double-lock racelab-lock-order-inversion racelab-unjoined-thread '

lesson=$source_dir/samples/data-races/unsynchronized-counter/buggy.cpp
flags=(-std=c++20 -pthread -I "$source_dir/samples/include")

# 1. A lesson's bug, with the plugin named by RACELAB_TIDY_PLUGIN.
run RACELAB_TIDY_PLUGIN="$plugin" "$wrapper" -checks='-*,racelab-*' "$lesson" -- "${flags[@]}"
if [ "$status" -eq 0 ] &&
   grep -F "$lesson:19:5: warning: data race on 'Counter'" "$tmp/out" |
     grep -q '\[racelab-data-race\]$'; then
  echo "wrapper: RACELAB_TIDY_PLUGIN=PLUGIN: racelab-data-race reported at buggy.cpp:19"
else
  fail "RACELAB_TIDY_PLUGIN=PLUGIN on $lesson: exit $status, no racelab-data-race warning at line 19"
  cat "$tmp/out" >&2
fi

# 2. --list-checks lists the six checks.
run RACELAB_TIDY_PLUGIN="$plugin" "$wrapper" -checks='-*,racelab-*' --list-checks
if [ "$status" -eq 0 ] && [ "$(checks_listed)" = "$all_checks" ]; then
  echo "wrapper: --list-checks lists the six racelab checks"
else
  fail "--list-checks: exit $status, listed '$(checks_listed)', expected '$all_checks'"
fi

# 3. Arguments go through unchanged: a -config value with spaces and quotes
#    selects one check; --export-fixes writes its file.
run RACELAB_TIDY_PLUGIN="$plugin" "$wrapper" "--config={Checks: '-*,racelab-data-race'}" --list-checks
if [ "$status" -eq 0 ] && [ "$(checks_listed)" = "racelab-data-race " ]; then
  echo "wrapper: an argument with spaces reaches clang-tidy as one argument"
else
  fail "--config with spaces: exit $status, listed '$(checks_listed)', expected racelab-data-race alone"
fi
run RACELAB_TIDY_PLUGIN="$plugin" "$wrapper" -checks='-*,racelab-*' "--export-fixes=$tmp/fixes.yaml" \
  "$lesson" -- "${flags[@]}"
if [ "$status" -eq 0 ] && grep -q 'DiagnosticName: *racelab-data-race' "$tmp/fixes.yaml" 2>/dev/null; then
  echo "wrapper: --export-fixes=FILE passed through (racelab-data-race in the YAML)"
else
  fail "--export-fixes: exit $status, no racelab-data-race diagnostic in $tmp/fixes.yaml"
fi

# 4. Missing plugin or clang-tidy: exit 2 and say what is missing.
run RACELAB_TIDY_PLUGIN=/nonexistent/racelab-tidy.so "$wrapper" --version
if [ "$status" -eq 2 ] && grep -qF "racelab plugin not found at '/nonexistent/racelab-tidy.so'" "$tmp/out"; then
  echo "wrapper: RACELAB_TIDY_PLUGIN=/nonexistent: exit 2, \"$(head -1 "$tmp/out")\""
else
  fail "RACELAB_TIDY_PLUGIN=/nonexistent: exit $status (expected 2), said: $(cat "$tmp/out")"
fi
run RACELAB_TIDY_PLUGIN="$plugin" RACELAB_CLANG_TIDY=/nonexistent/clang-tidy "$wrapper" --version
if [ "$status" -eq 2 ] && grep -qF "clang-tidy not found: '/nonexistent/clang-tidy'" "$tmp/out"; then
  echo "wrapper: RACELAB_CLANG_TIDY=/nonexistent: exit 2, \"$(head -1 "$tmp/out")\""
else
  fail "RACELAB_CLANG_TIDY=/nonexistent: exit $status (expected 2), said: $(cat "$tmp/out")"
fi
# Another LLVM's clang-tidy loads the plugin and then dies on the first
# file ("symbol lookup error"); the wrapper refuses it up front.
printf '#!/bin/sh\necho "Debian LLVM version 14.0.6"\n' >"$tmp/clang-tidy-14"
chmod +x "$tmp/clang-tidy-14"
run RACELAB_TIDY_PLUGIN="$plugin" RACELAB_CLANG_TIDY="$tmp/clang-tidy-14" "$wrapper" --version
if [ "$status" -eq 2 ] && grep -q "is not clang-tidy 19" "$tmp/out"; then
  echo "wrapper: a clang-tidy 14: exit 2, \"$(head -1 "$tmp/out")\""
else
  fail "RACELAB_CLANG_TIDY=<a clang-tidy 14>: exit $status (expected 2), said: $(cat "$tmp/out")"
fi

# 5. Without RACELAB_TIDY_PLUGIN: ../lib/racelab-tidy.so next to the wrapper,
#    as in the build tree and an install prefix; also through a symlink to it
#    from elsewhere (~/bin/racelab-clang-tidy).
mkdir -p "$tmp/prefix/bin" "$tmp/prefix/lib" "$tmp/elsewhere"
cp "$wrapper" "$tmp/prefix/bin/racelab-clang-tidy"
ln -s "$(cd "$(dirname "$plugin")" && pwd -P)/$(basename "$plugin")" "$tmp/prefix/lib/racelab-tidy.so"
ln -s "$tmp/prefix/bin/racelab-clang-tidy" "$tmp/elsewhere/racelab-clang-tidy"
for called in "$tmp/prefix/bin/racelab-clang-tidy" "$tmp/elsewhere/racelab-clang-tidy"; do
  run -u RACELAB_TIDY_PLUGIN "$called" -checks='-*,racelab-*' --list-checks
  if [ "$status" -eq 0 ] && [ "$(checks_listed)" = "$all_checks" ]; then
    echo "wrapper: default plugin lookup from ${called#"$tmp"/}: six checks"
  else
    fail "default plugin lookup from $called: exit $status, listed '$(checks_listed)'"
    cat "$tmp/out" >&2
  fi
done
rm "$tmp/prefix/lib/racelab-tidy.so"
run -u RACELAB_TIDY_PLUGIN "$tmp/prefix/bin/racelab-clang-tidy" --version
if [ "$status" -eq 2 ] && grep -qF "racelab plugin not found at '$tmp/prefix/bin/../lib/racelab-tidy.so'" "$tmp/out"; then
  echo "wrapper: no lib/racelab-tidy.so next to it: exit 2, names the path it looked at"
else
  fail "no plugin next to the wrapper: exit $status (expected 2), said: $(cat "$tmp/out")"
fi

if [ "$failures" -ne 0 ]; then
  echo "wrapper: $failures failures" >&2
  exit 1
fi
echo "wrapper: ok"

#!/usr/bin/env bash
# run-clang-tidy-19 with the racelab plugin over a compilation database, the
# way docs/ide.md says to check a whole project: over a compile_commands.json
# written here by hand for three lessons, every buggy.cpp gets its lesson's
# warning, no fixed.cpp gets any, the run exits 0 (warnings are not errors),
# and -export-fixes FILE merges the fixes into one YAML file that names each
# warning, with the std::jthread fix-it for the unjoined thread.
#   run-clang-tidy.sh PLUGIN SOURCE_DIR
set -uo pipefail
if [ $# -ne 2 ]; then
  echo "usage: run-clang-tidy.sh PLUGIN SOURCE_DIR" >&2
  exit 2
fi
plugin=$1
source_dir=$(cd "$2" && pwd -P) || exit 2
runner=${RUN_CLANG_TIDY:-run-clang-tidy-19}
for tool in "$runner" clang-tidy-19 python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "run-clang-tidy: $tool not found (ci/install-deps.sh installs clang-tidy-19)" >&2
    exit 2
  fi
done
# run-clang-tidy merges the fixes into one file with PyYAML (python3-yaml, a
# dependency of Debian's clang-tidy-19); without it only a directory works.
if ! python3 -c 'import yaml' 2>/dev/null; then
  echo "run-clang-tidy: python3 has no yaml module (install python3-yaml)" >&2
  exit 2
fi
if [ ! -f "$plugin" ]; then
  echo "run-clang-tidy: FAIL: plugin $plugin not found" >&2
  exit 1
fi

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# lesson and the check its buggy variant must trigger
lessons=(
  "data-races/unsynchronized-counter racelab-data-race"
  "deadlocks/abba-across-functions racelab-lock-order-inversion"
  "lifetime/thread-destroyed-without-join racelab-unjoined-thread"
)

json_string() { # a path as a JSON string
  local s=${1//\\/\\\\}
  printf '"%s"' "${s//\"/\\\"}"
}
{
  echo '['
  sep=''
  for entry in "${lessons[@]}"; do
    lesson=${entry%% *}
    for variant in buggy fixed; do
      file=$source_dir/samples/$lesson/$variant.cpp
      printf '%s  {"directory": %s, "file": %s,\n   "arguments": ["clang++-19", "-std=c++20", "-pthread", "-I", %s, "-c", %s]}' \
        "$sep" "$(json_string "$tmp")" "$(json_string "$file")" \
        "$(json_string "$source_dir/samples/include")" "$(json_string "$file")"
      sep=$',\n'
    done
  done
  printf '\n]\n'
} >"$tmp/compile_commands.json"

# -export-fixes: a path that is not a directory (and does not end in '/')
# is one merged YAML file; a directory gets one YAML file per source.
"$runner" -load "$plugin" -checks='-*,racelab-*' -p "$tmp" -export-fixes "$tmp/fixes" \
  >"$tmp/output" 2>&1
status=$?

failures=0
fail() {
  echo "run-clang-tidy: FAIL: $*" >&2
  failures=$((failures + 1))
}

if [ "$status" -ne 0 ]; then
  fail "$runner exited with $status, expected 0 (warnings only)"
fi
if ! grep -q '^Running clang-tidy for 6 files out of 6 in compilation database' "$tmp/output"; then
  fail "$runner did not run on the 6 files of the database"
fi
echo "run-clang-tidy: $runner exited $status over $tmp/compile_commands.json (6 files)"

# The racelab warnings (clang's text format) whose location is in FILE.
warnings_in() {
  awk -v file="$1:" 'index($0, file) == 1 &&
    /:[0-9]+:[0-9]+: warning: .* \[racelab-[a-z-]+\]$/' "$tmp/output"
}
for entry in "${lessons[@]}"; do
  lesson=${entry%% *} check=${entry#* }
  buggy=$source_dir/samples/$lesson/buggy.cpp
  fixed=$source_dir/samples/$lesson/fixed.cpp
  if warnings_in "$buggy" | grep -q "\[$check\]$"; then
    echo "run-clang-tidy: $lesson/buggy.cpp: $check reported"
  else
    fail "$lesson/buggy.cpp: no $check warning"
  fi
  found=$(warnings_in "$fixed")
  if [ -n "$found" ]; then
    fail "$lesson/fixed.cpp: unexpected warnings:"$'\n'"$found"
  else
    echo "run-clang-tidy: $lesson/fixed.cpp: no racelab warning"
  fi
done

# The merged fixes file: one line per diagnostic, "check file replacements".
if [ ! -f "$tmp/fixes" ]; then
  fail "-export-fixes $tmp/fixes did not write a file"
else
  if ! python3 - "$tmp/fixes" >"$tmp/fixes.txt" <<'EOF'; then
import sys, yaml
with open(sys.argv[1]) as f:
    doc = yaml.safe_load(f) or {}
for d in doc.get("Diagnostics", []):
    msg = d["DiagnosticMessage"]
    texts = ",".join(r["ReplacementText"] for r in msg.get("Replacements") or [])
    print(d["DiagnosticName"], msg["FilePath"], texts or "-")
EOF
    fail "-export-fixes file $tmp/fixes is not the YAML clang-apply-replacements reads"
  fi
  for entry in "${lessons[@]}"; do
    lesson=${entry%% *} check=${entry#* }
    if grep -qF "$check $source_dir/samples/$lesson/buggy.cpp " "$tmp/fixes.txt"; then
      echo "run-clang-tidy: fixes file has the $check diagnostic of $lesson/buggy.cpp"
    else
      fail "fixes file lacks the $check diagnostic of $lesson/buggy.cpp"
    fi
    if grep -qF "$source_dir/samples/$lesson/fixed.cpp " "$tmp/fixes.txt"; then
      fail "fixes file has a diagnostic for $lesson/fixed.cpp"
    fi
  done
  if grep -qF "racelab-unjoined-thread $source_dir/samples/lifetime/thread-destroyed-without-join/buggy.cpp std::jthread" \
       "$tmp/fixes.txt"; then
    echo "run-clang-tidy: fixes file replaces std::thread by std::jthread in lifetime/thread-destroyed-without-join"
  else
    fail "fixes file lacks the std::jthread fix-it for lifetime/thread-destroyed-without-join"
  fi
fi

if [ "$failures" -ne 0 ]; then
  echo "run-clang-tidy: $failures failures; $runner output:" >&2
  sed 's/^/  /' "$tmp/output" >&2
  exit 1
fi
echo "run-clang-tidy: ok"

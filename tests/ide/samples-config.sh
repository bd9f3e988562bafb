#!/usr/bin/env bash
# samples/.clang-tidy is what an editor's clang-tidy picks up on a lesson:
# with the plugin loaded and no -checks argument, a buggy lesson gets its
# racelab warning and no other check fires; every enabled check is a racelab
# check enabled by that file; without the plugin clang-tidy-19 checks nothing
# and says "no checks enabled" (exit 1), as the file's comment says. Also:
# the VS Code examples in docs/ide/ are valid JSON, and the settings load
# the plugin with --load.
#   samples-config.sh PLUGIN SOURCE_DIR
set -uo pipefail
if [ $# -ne 2 ]; then
  echo "usage: samples-config.sh PLUGIN SOURCE_DIR" >&2
  exit 2
fi
plugin=$1
source_dir=$(cd "$2" && pwd -P) || exit 2
tidy=${CLANG_TIDY:-clang-tidy-19}
for tool in "$tidy" python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "samples-config: $tool not found (ci/install-deps.sh installs clang-tidy-19)" >&2
    exit 2
  fi
done
config=$source_dir/samples/.clang-tidy
for file in "$plugin" "$config"; do
  if [ ! -f "$file" ]; then
    echo "samples-config: FAIL: $file not found" >&2
    exit 1
  fi
done

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
# From a directory with no .clang-tidy above it, so that only the lesson's
# own parent directories can configure clang-tidy.
cd "$tmp" || exit 2
failures=0
fail() {
  echo "samples-config: FAIL: $*" >&2
  failures=$((failures + 1))
}

lesson=$source_dir/samples/data-races/unsynchronized-counter/buggy.cpp
flags=(-std=c++20 -pthread -I "$source_dir/samples/include")

# 1. The lesson's warning, and no check that is not racelab's.
"$tidy" --load="$plugin" "$lesson" -- "${flags[@]}" >"$tmp/out" 2>&1
status=$?
diagnostics=$(sed -n 's/^.*:[0-9][0-9]*:[0-9][0-9]*: \(warning\|error\): .* \[\([^]]*\)\]$/\2/p' "$tmp/out")
if [ "$status" -eq 0 ] && printf '%s\n' "$diagnostics" | grep -qx 'racelab-data-race'; then
  echo "samples-config: $tidy --load=PLUGIN (no -checks): racelab-data-race reported on the lesson"
else
  fail "no racelab-data-race warning on $lesson (exit $status)"
fi
others=$(printf '%s\n' "$diagnostics" | grep -v '^racelab-' | grep . | sort -u)
if [ -n "$others" ]; then
  fail "checks other than racelab's fired: $(printf '%s' "$others" | tr '\n' ' ')"
else
  echo "samples-config: no other check fired"
fi
if [ "$failures" -ne 0 ]; then
  sed 's/^/  /' "$tmp/out" >&2
fi

# 2. What is enabled, and by whom: the six racelab checks, by samples/.clang-tidy.
"$tidy" --load="$plugin" --explain-config "$lesson" -- "${flags[@]}" >"$tmp/explain" 2>&1
enabled=$(grep -c " is enabled in the " "$tmp/explain")
from_config=$(grep -cF "' is enabled in the $config." "$tmp/explain")
racelab=$(grep -c "^'racelab-[a-z-]*' is enabled in the " "$tmp/explain")
if [ "$enabled" -eq 6 ] && [ "$from_config" -eq 6 ] && [ "$racelab" -eq 6 ]; then
  echo "samples-config: --explain-config: 6 checks enabled, all racelab-*, all by samples/.clang-tidy"
else
  fail "--explain-config: $enabled enabled, $racelab racelab-*, $from_config by $config (expected 6, 6, 6):"
  sed 's/^/  /' "$tmp/explain" >&2
fi

# 3. Without the plugin: no check matches, clang-tidy says so and exits 1.
"$tidy" "$lesson" -- "${flags[@]}" >"$tmp/stdout" 2>"$tmp/stderr"
status=$?
if [ "$status" -eq 1 ] && grep -qx 'Error: no checks enabled.' "$tmp/stderr"; then
  echo "samples-config: without --load: exit 1, \"Error: no checks enabled.\" (as samples/.clang-tidy says)"
else
  fail "without --load: exit $status, stderr: $(cat "$tmp/stderr")"
fi

# 4. The VS Code examples users copy.
for json in "$source_dir"/docs/ide/*.json; do
  if python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$json" 2>"$tmp/json-error"; then
    echo "samples-config: ${json#"$source_dir"/} is valid JSON"
  else
    fail "${json#"$source_dir"/} is not valid JSON: $(tail -1 "$tmp/json-error")"
  fi
done
settings=$source_dir/docs/ide/vscode-settings.json
if python3 - "$settings" <<'EOF'; then
import json, sys
s = json.load(open(sys.argv[1]))
assert s["C_Cpp.codeAnalysis.clangTidy.enabled"] is True
assert any(a.startswith("--load=") and a.endswith("/racelab-tidy.so")
           for a in s["C_Cpp.codeAnalysis.clangTidy.args"])
EOF
  echo "samples-config: docs/ide/vscode-settings.json enables clang-tidy and passes --load=.../racelab-tidy.so"
else
  fail "docs/ide/vscode-settings.json does not enable clang-tidy with --load=.../racelab-tidy.so"
fi

if [ "$failures" -ne 0 ]; then
  echo "samples-config: $failures failures" >&2
  exit 1
fi
echo "samples-config: ok"

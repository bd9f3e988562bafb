#!/usr/bin/env bash
# Keeps the check pages in step with the tools. Fails when
#  - racecheck --list-checks, the clang-tidy plugin's -list-checks and the
#    DOCS_DIR/racelab-*.md pages do not name the same checks;
#  - a page lacks one of the sections every page has, or has them out of
#    order;
#  - a page's first paragraph does not start with the summary racecheck
#    prints for its check, or its Lesson section links to no lesson;
#  - a relative link (in a page or in DOCS_DIR/README.md) leads to no file,
#    or to a heading the file does not have;
#  - README.md, the index, leaves a check out.
#   check-pages.sh RACECHECK PLUGIN DOCS_DIR
# Exit status: 0 all agree, 1 a mismatch, 2 a tool or the directory is
# missing or does not run.
set -uo pipefail

if [ $# -ne 3 ]; then
  echo "usage: check-pages.sh RACECHECK PLUGIN DOCS_DIR" >&2
  exit 2
fi
racecheck=$1 plugin=$2 docs=${3%/}
tidy=${CLANG_TIDY:-clang-tidy-19}

if [ ! -x "$racecheck" ]; then
  echo "check-pages: racecheck not found (or not executable): $racecheck" >&2
  exit 2
fi
if [ ! -f "$plugin" ]; then
  echo "check-pages: clang-tidy plugin not found: $plugin" >&2
  exit 2
fi
if ! command -v "$tidy" >/dev/null; then
  echo "check-pages: $tidy not found (ci/install-deps.sh installs clang-tidy-19)" >&2
  exit 2
fi
if [ ! -d "$docs" ]; then
  echo "check-pages: no such directory: $docs" >&2
  exit 2
fi

# The sections of every page, in this order (others may come in between).
required=('## What it finds' '## Why it matters' '## Lesson' '## Before and after'
          '## Fixes' '## Options' '## Known limits')

problems=0
problem() {
  echo "check-pages: $*"
  problems=$((problems + 1))
}

# Collapses runs of white space (line wrapping included) to one space.
squeeze() { tr -s ' \t\n' '   ' | sed 's/^ //; s/ $//'; }

# --- The three lists of checks -------------------------------------------

errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
listing=$("$racecheck" --list-checks 2>"$errors")
rc=$?
if [ $rc -ne 0 ]; then
  echo "check-pages: '$racecheck --list-checks' failed (exit $rc):" >&2
  sed 's/^/  /' "$errors" >&2
  exit 2
fi
# "name<TAB>summary": a name is an unindented line, its summary the indented
# lines below it.
summaries=$(printf '%s\n' "$listing" | awk '
  /^[^[:space:]]/ { if (name != "") print name "\t" summary; name = $1; summary = ""; next }
  /^[[:space:]]+[^[:space:]]/ { sub(/^[[:space:]]+/, ""); summary = summary (summary == "" ? "" : " ") $0 }
  END { if (name != "") print name "\t" summary }')
from_racecheck=$(printf '%s\n' "$summaries" | cut -f1 | sed '/^$/d' | sort -u)

tidy_listing=$("$tidy" --load="$plugin" -checks='-*,racelab-*' -list-checks 2>"$errors")
rc=$?
if [ $rc -ne 0 ]; then
  echo "check-pages: '$tidy --load=$plugin -list-checks' failed (exit $rc):" >&2
  sed 's/^/  /' "$errors" >&2
  exit 2
fi
from_tidy=$(printf '%s\n' "$tidy_listing" |
  awk '/^Enabled checks:/ { on = 1; next } on && /^[[:space:]]+[^[:space:]]/ { print $1 }' | sort -u)

from_docs=$(for page in "$docs"/racelab-*.md; do
  [ -e "$page" ] && basename "$page" .md
done | sort -u)

[ -n "$from_racecheck" ] || problem "racecheck --list-checks names no checks"
[ -n "$from_tidy" ] || problem "$tidy -list-checks with $plugin names no racelab checks"
[ -n "$from_docs" ] || problem "$docs has no racelab-*.md pages"

in_list() { printf '%s\n' "$2" | grep -qxF -- "$1"; }
for check in $(printf '%s\n%s\n%s\n' "$from_racecheck" "$from_tidy" "$from_docs" | sed '/^$/d' | sort -u); do
  missing=()
  in_list "$check" "$from_racecheck" || missing+=("racecheck --list-checks does not list it")
  in_list "$check" "$from_tidy" || missing+=("the clang-tidy plugin does not list it")
  in_list "$check" "$from_docs" || missing+=("there is no page $docs/$check.md")
  for m in ${missing[@]+"${missing[@]}"}; do
    problem "$check: $m"
  done
done

# --- One page --------------------------------------------------------------

# The page's lines outside fenced code blocks, as "LINE<TAB>TEXT".
prose() {
  awk '/^[[:space:]]*(```|~~~)/ { fence = !fence; next } !fence { print NR "\t" $0 }' "$1"
}

# GitHub's anchors for the headings of a markdown file, one a line.
anchors() {
  prose "$1" | cut -f2- | awk '
    /^#+[[:space:]]/ {
      h = $0
      sub(/^#+[[:space:]]+/, "", h); sub(/[[:space:]]+#*[[:space:]]*$/, "", h)
      h = tolower(h)
      gsub(/[^a-z0-9 _-]/, "", h); gsub(/ /, "-", h)
      print (seen[h]++ ? h "-" seen[h] - 1 : h)
    }'
}

# Every relative link target of a markdown file, one a line. Inline code
# is dropped first: `Handlers[Id](...)` is code, not a link.
link_targets() {
  prose "$1" | cut -f2- | awk '
    /^[[:space:]]*\[[^]]+\]:[[:space:]]+[^[:space:]]+/ {
      t = $0; sub(/^[[:space:]]*\[[^]]+\]:[[:space:]]+/, "", t); sub(/[[:space:]].*/, "", t); print t; next
    }
    { text = text " " $0 }
    END {
      gsub(/`[^`]*`/, "", text)
      while (match(text, /\]\([^)[:space:]]+/)) {
        print substr(text, RSTART + 2, RLENGTH - 2)
        text = substr(text, RSTART + RLENGTH)
      }
    }' | grep -vE '^([a-zA-Z][a-zA-Z0-9+.-]*:|/)'
}

check_links() {
  local page=$1 name dir target path anchor file
  name=$(basename "$page")
  dir=$(dirname "$page")
  while IFS= read -r target; do
    [ -n "$target" ] || continue
    path=${target%%#*}
    anchor=
    [[ $target == *'#'* ]] && anchor=${target#*#}
    if [ -z "$path" ]; then
      file=$page
    else
      file=$dir/$path
      if [ ! -e "$file" ]; then
        problem "$name: link '$target' leads to no file ($file does not exist)"
        continue
      fi
    fi
    if [ -n "$anchor" ] && [[ $file == *.md ]] && [ -f "$file" ] &&
       ! anchors "$file" | grep -qxF -- "$anchor"; then
      problem "$name: link '$target': $(basename "$file") has no heading with anchor '#$anchor'"
    fi
  done < <(link_targets "$page")
}

check_page() {
  local page=$1 check name title headings first count summary heading r
  local -a expected_order found_order
  check=$(basename "$page" .md)
  name=$(basename "$page")

  title=$(head -n 1 "$page")
  [ "$title" = "# $check" ] || problem "$name: the first line is '$title', not '# $check'"

  # The sections: each once, in the order of $required.
  headings=$(prose "$page" | awk -F'\t' '$2 ~ /^## / { sub(/[[:space:]]+$/, "", $2); print $2 }')
  expected_order=() found_order=()
  for heading in "${required[@]}"; do
    count=$(printf '%s\n' "$headings" | grep -cxF -- "$heading")
    if [ "$count" -eq 0 ]; then
      problem "$name: missing heading '$heading'"
      continue
    fi
    [ "$count" -gt 1 ] && problem "$name: heading '$heading' appears $count times"
    expected_order+=("$heading")
  done
  while IFS= read -r heading; do
    for r in "${required[@]}"; do
      [ "$heading" = "$r" ] && found_order+=("$heading")
    done
  done <<<"$headings"
  if [ "${expected_order[*]-}" != "${found_order[*]-}" ]; then
    problem "$name: headings out of order"
    echo "    expected: $(printf "'%s' " ${expected_order[@]+"${expected_order[@]}"})"
    echo "    found:    $(printf "'%s' " ${found_order[@]+"${found_order[@]}"})"
  fi

  # The Lesson section links to a lesson that shows the bug.
  if ! awk '/^## / { on = ($0 ~ /^## Lesson[[:space:]]*$/); next } on' "$page" |
       grep -qE '\]\([^)]*samples/[^/)]+/[^/)]+/README\.md\)'; then
    problem "$name: the '## Lesson' section links to no samples/<topic>/<lesson>/README.md"
  fi

  # The first paragraph after the title starts with the summary.
  summary=$(printf '%s\n' "$summaries" | awk -F'\t' -v c="$check" '$1 == c { print $2 }' | squeeze)
  if [ -n "$summary" ]; then
    first=$(awk 'NR == 1 { next } /^[[:space:]]*$/ { if (started) exit; next }
                 /^#/ { exit } { started = 1; print }' "$page" | squeeze)
    if [[ $first != "$summary"* ]]; then
      problem "$name: the first paragraph does not start with the summary of 'racecheck --list-checks'"
      echo "    expected: $summary"
      echo "    found:    $first"
    fi
  fi

  check_links "$page"
}

for page in "$docs"/racelab-*.md; do
  [ -e "$page" ] && check_page "$page"
done

# --- The index ---------------------------------------------------------------

index=$docs/README.md
if [ ! -f "$index" ]; then
  problem "$docs has no README.md (the index of the checks)"
else
  index_text=$(prose "$index" | cut -f2- | squeeze)
  for check in $from_racecheck; do
    grep -qF -- "($check.md)" "$index" || problem "README.md: no link to $check.md"
    summary=$(printf '%s\n' "$summaries" | awk -F'\t' -v c="$check" '$1 == c { print $2 }' | squeeze)
    [[ $index_text == *"$summary"* ]] ||
      problem "README.md: does not give the summary of $check ('$summary')"
  done
  check_links "$index"
fi

pages=$(printf '%s\n' "$from_docs" | grep -c .)
checks=$(printf '%s\n' "$from_racecheck" | grep -c .)
if [ "$problems" -ne 0 ]; then
  echo "check-pages: $problems problem$([ "$problems" -eq 1 ] || echo s) ($checks checks, $pages pages in $docs)"
  exit 1
fi
echo "check-pages: $checks checks, $pages pages, all agree"
exit 0

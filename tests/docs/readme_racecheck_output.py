#!/usr/bin/env python3
"""Keeps the racecheck output quoted in the lesson READMEs exact.

A README block that starts with `$ build/bin/racecheck ARGS` quotes what
that command prints. --check reruns every such command from the
repository root and fails, naming the README and showing a diff, when the
quote differs; --update rewrites the quotes. (TSan output is not checked
this way: its addresses and thread ids change from run to run.)

  readme_racecheck_output.py --check|--update SOURCE_DIR RACECHECK
"""
import difflib
import pathlib
import re
import shlex
import subprocess
import sys

BLOCK = re.compile(r"^```\n(\$ build/bin/racecheck [^\n]*)\n(.*?)^```$", re.M | re.S)


def run(command, source_dir, racecheck):
    argv = shlex.split(command[2:])
    argv[0] = racecheck
    done = subprocess.run(argv, cwd=source_dir, capture_output=True, text=True,
                          timeout=300)
    return done.stdout + done.stderr


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("--check", "--update"):
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    mode, source_dir, racecheck = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    stale = 0
    checked = 0
    for readme in sorted(source_dir.glob("samples/*/*/README.md")):
        text = readme.read_text()

        def replace(match):
            nonlocal stale, checked
            checked += 1
            quoted = match.group(2)
            actual = run(match.group(1), source_dir, racecheck)
            if actual != quoted:
                stale += 1
                if mode == "--check":
                    where = readme.relative_to(source_dir)
                    print(f"{where}: the output of `{match.group(1)[2:]}` has changed:")
                    sys.stdout.writelines(difflib.unified_diff(
                        quoted.splitlines(True), actual.splitlines(True),
                        "README", "racecheck now"))
            return "```\n" + match.group(1) + "\n" + actual + "```"

        updated = BLOCK.sub(replace, text)
        if mode == "--update" and updated != text:
            readme.write_text(updated)
    print(f"{checked} racecheck outputs quoted in lesson READMEs, {stale} "
          f"{'updated' if mode == '--update' else 'out of date'}")
    if checked == 0:
        print("no `$ build/bin/racecheck` blocks found: wrong SOURCE_DIR?", file=sys.stderr)
        return 1
    return 1 if stale and mode == "--check" else 0


if __name__ == "__main__":
    sys.exit(main())

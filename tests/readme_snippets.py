#!/usr/bin/env python3
"""Writes each ```LANG block of README.md to OUT_DIR/readme_snippet_N.EXT (N from 1, in order),
rewriting a file only when its text changed, and prints the file names, one per line.
tests/CMakeLists.txt compiles and runs the C++ ones, scripts/test-find-package.sh builds the
CMake one against the installed package, so the README's library examples cannot drift.
Usage: readme_snippets.py README.md OUT_DIR LANG EXT"""
import pathlib
import re
import sys


def main() -> int:
    readme, out_dir, lang, ext = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    blocks = re.findall(r"^```" + re.escape(lang) + r"\n(.*?)^```\s*$", readme.read_text(encoding="utf-8"),
                        flags=re.MULTILINE | re.DOTALL)
    out_dir.mkdir(parents=True, exist_ok=True)
    for number, block in enumerate(blocks, start=1):
        path = out_dir / f"readme_snippet_{number}.{ext}"
        if not path.exists() or path.read_text(encoding="utf-8") != block:
            path.write_text(block, encoding="utf-8")
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Adds a "mutool" extraction mode to a typeset corpus made by make_corpus.py.

    python3 tests/typeset/add_mutool_mode.py DIR

For every VARIANT/docNN.pdf of DIR it writes VARIANT/docNN.mutool.txt, the text MuPDF's
`mutool draw -F txt` prints (Debian's mupdf-tools), and adds "mutool" to the manifest's modes,
so that `build/bench_pdf_accuracy DIR --modes mutool` scores it against the same gold. MuPDF
reads a page as layout blocks: it keeps the printed lines and their words' hyphens, sets a
blank line after every block (a heading, a title and its subtitle each stand apart), and
parts a justified line with wide gaps into one word per line. It is another common
extraction users have, whose text the parser's rules were not written from.
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.strip().splitlines()[2].strip())
    root = Path(sys.argv[1])
    manifest_path = root / "manifest.json"
    if not manifest_path.exists():
        raise SystemExit(f"add_mutool_mode: {manifest_path} not found (make the corpus with make_corpus.py first)")
    if not shutil.which("mutool"):
        raise SystemExit("add_mutool_mode: mutool not found (apt-get install mupdf-tools)")
    manifest = json.loads(manifest_path.read_text("utf-8"))
    for variant in manifest["variants"]:
        for document in manifest["documents"]:
            pdf = root / variant / f"{document}.pdf"
            target = root / variant / f"{document}.mutool.txt"
            partial = target.with_suffix(".txt.partial")
            subprocess.run(["mutool", "draw", "-q", "-F", "txt", "-o", str(partial), str(pdf)], check=True,
                           stderr=subprocess.DEVNULL)
            partial.replace(target)
    if "mutool" not in manifest["modes"]:
        manifest["modes"].append("mutool")
        manifest_path.write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    print(f"add_mutool_mode: {len(manifest['variants'])} variants x {len(manifest['documents'])} documents -> {root}")


if __name__ == "__main__":
    main()

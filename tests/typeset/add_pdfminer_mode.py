#!/usr/bin/env python3
"""Adds a "pdfminer" extraction mode to a typeset corpus made by make_corpus.py.

    python3 tests/typeset/add_pdfminer_mode.py DIR

For every VARIANT/docNN.pdf of DIR it writes VARIANT/docNN.pdfminer.txt, the plain text that
pdfminer.six's `pdf2txt` prints with its default layout parameters (Debian's python3-pdfminer),
and adds "pdfminer" to the manifest's modes, so that `build/bench_pdf_accuracy DIR --modes
pdfminer` scores it against the same gold. pdfminer groups a page's lines into text boxes,
writes each box's lines (line-end hyphens kept) followed by a blank line, orders the boxes by
its own reading order, and ends each page with a form feed. It is another common extraction
users have, whose text the parser's rules were not written from.
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
        raise SystemExit(f"add_pdfminer_mode: {manifest_path} not found (make the corpus with make_corpus.py first)")
    tool = shutil.which("pdf2txt") or shutil.which("pdf2txt.py")
    if not tool:
        raise SystemExit("add_pdfminer_mode: pdf2txt not found (apt-get install python3-pdfminer)")
    manifest = json.loads(manifest_path.read_text("utf-8"))
    for variant in manifest["variants"]:
        for document in manifest["documents"]:
            pdf = root / variant / f"{document}.pdf"
            target = root / variant / f"{document}.pdfminer.txt"
            partial = target.with_suffix(".txt.partial")
            subprocess.run([tool, "-t", "text", "-c", "utf-8", "-o", str(partial), str(pdf)], check=True,
                           stderr=subprocess.DEVNULL)
            partial.replace(target)
    if "pdfminer" not in manifest["modes"]:
        manifest["modes"].append("pdfminer")
        manifest_path.write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    print(f"add_pdfminer_mode: {len(manifest['variants'])} variants x {len(manifest['documents'])} documents -> {root}")


if __name__ == "__main__":
    main()

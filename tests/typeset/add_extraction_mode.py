#!/usr/bin/env python3
"""Adds an extraction mode to a typeset corpus made by make_corpus.py.

    python3 tests/typeset/add_extraction_mode.py mutool|pdfminer DIR

For every VARIANT/docNN.pdf of DIR it writes VARIANT/docNN.MODE.txt, the text that extraction
prints, and adds MODE to the manifest's modes, so that `build/bench_pdf_accuracy DIR --modes
MODE` scores it against the same gold. Both are common extractions users have, whose text the
parser's rules were not first written from; neither tool is a build or test dependency.

- mutool: MuPDF's `mutool draw -F txt` (Debian's mupdf-tools). MuPDF reads a page as layout
  blocks: it keeps the printed lines and their words' hyphens, sets a blank line after every
  block (a heading, a title and its subtitle each stand apart), and parts a justified line with
  wide gaps into one word per line.
- pdfminer: pdfminer.six's `pdf2txt` with its default layout parameters (Debian's
  python3-pdfminer). pdfminer groups a page's lines into text boxes, writes each box's lines
  (line-end hyphens kept) followed by a blank line, orders the boxes by its own reading order,
  and ends each page with a form feed.
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path

# mode -> (programs to look for, Debian package, command given the program, the PDF and the output)
EXTRACTIONS = {
    "mutool": (["mutool"], "mupdf-tools",
               lambda tool, pdf, out: [tool, "draw", "-q", "-F", "txt", "-o", out, pdf]),
    "pdfminer": (["pdf2txt", "pdf2txt.py"], "python3-pdfminer",
                 lambda tool, pdf, out: [tool, "-t", "text", "-c", "utf-8", "-o", out, pdf]),
}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in EXTRACTIONS:
        raise SystemExit("usage: " + __doc__.strip().splitlines()[2].strip())
    mode, root = sys.argv[1], Path(sys.argv[2])
    programs, package, command = EXTRACTIONS[mode]
    manifest_path = root / "manifest.json"
    if not manifest_path.exists():
        raise SystemExit(f"add_extraction_mode: {manifest_path} not found (make the corpus with make_corpus.py first)")
    tool = next((found for found in map(shutil.which, programs) if found), None)
    if not tool:
        raise SystemExit(f"add_extraction_mode: {programs[0]} not found (apt-get install {package})")
    manifest = json.loads(manifest_path.read_text("utf-8"))
    for variant in manifest["variants"]:
        for document in manifest["documents"]:
            pdf = root / variant / f"{document}.pdf"
            target = root / variant / f"{document}.{mode}.txt"
            partial = target.with_suffix(".txt.partial")
            subprocess.run(command(tool, str(pdf), str(partial)), check=True, stderr=subprocess.DEVNULL)
            partial.replace(target)
    if mode not in manifest["modes"]:
        manifest["modes"].append(mode)
        manifest_path.write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    print(f"add_extraction_mode: {mode}: {len(manifest['variants'])} variants x "
          f"{len(manifest['documents'])} documents -> {root}")


if __name__ == "__main__":
    main()

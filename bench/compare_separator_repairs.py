#!/usr/bin/env python3
"""Counts the menu separators two builds of `summalign` restore differently, judged by the gold.

    python3 bench/compare_separator_repairs.py OLD NEW CORPUS... [--mode default] [--list]

OLD and NEW are two `summalign` binaries; each CORPUS is a directory made by
tests/typeset/make_corpus.py. Every `VARIANT/docNN.MODE.txt` is parsed by both
(`summalign parse --format json`), and each "menu separator restored: A - B" repair that one
build makes more often than the other is looked up in the document's gold text: right when the
gold writes `A - B` and not `A B`, wrong when it writes `A B` and not `A - B`, and `both` or
`neither` otherwise. `--list` prints each repair with its count (not for held-out corpora,
which are only counted). The bench_pdf_accuracy cells (bench/compare_accuracy.py) see a repair
only when it makes a whole field right; this counts every one.
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor

REPAIR = re.compile(r'"menu separator restored: (.*?) \(the extraction')


def gold_text(gold):
    strings = []

    def walk(value):
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(gold)
    return "\n".join(strings)


def repairs(binary, path):
    output = subprocess.run([binary, "parse", "--format", "json", path], capture_output=True,
                            text=True).stdout
    return collections.Counter(REPAIR.findall(output))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("corpora", nargs="+")
    parser.add_argument("--mode", default="default")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    files = [path for corpus in args.corpora
             for path in sorted(glob.glob(os.path.join(corpus, "*", f"doc*.{args.mode}.txt")))]

    def both(path):
        return path, repairs(args.old, path), repairs(args.new, path)

    verdicts = collections.Counter()
    listed = collections.Counter()
    with ThreadPoolExecutor(2) as pool:
        for path, old, new in pool.map(both, files):
            corpus = os.path.dirname(os.path.dirname(path))
            document = os.path.basename(path).split(".")[0]
            with open(os.path.join(corpus, "gold", document + ".json"), encoding="utf-8") as f:
                gold = gold_text(json.load(f))
            for side, changed in (("new only", new - old), ("old only", old - new)):
                for repair, count in changed.items():
                    first, second = repair.split(" - ", 1)
                    second = second.rstrip(".,;:!?)")
                    right = f"{first} - {second}" in gold
                    wrong = f"{first} {second}" in gold
                    verdict = ("right" if right and not wrong else "wrong" if wrong and not right
                               else "both" if right else "neither")
                    verdicts[(side, verdict)] += count
                    listed[(side, verdict, repair)] += count
    for (side, verdict), count in sorted(verdicts.items()):
        print(f"{side}\t{verdict}\t{count}")
    if args.list:
        for (side, verdict, repair), count in listed.most_common():
            print(f"{count}\t{side}\t{verdict}\t{repair}")


if __name__ == "__main__":
    main()

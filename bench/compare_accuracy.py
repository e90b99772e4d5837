#!/usr/bin/env python3
"""Compares two builds of bench_pdf_accuracy cell by cell on typeset corpora.

    MODES=pdf,raw,layout,default,mutool python3 bench/compare_accuracy.py OLD NEW CORPUS...

OLD and NEW are two bench_pdf_accuracy binaries (e.g. one copied before a change); each CORPUS
is a directory made by tests/typeset/make_corpus.py. For every cell of every variant row (ALL
rows excluded) it counts the cells that rose and fell, prints each fall, and prints every
changed cell of the ALL rows. Lost-sentence cells ("12/4832") count as rising when the number
lost goes down. The figures are counts of cells, not times.
"""
import os
import subprocess
import sys


def table(binary, corpus, modes):
    output = subprocess.run([binary, corpus, "--modes", modes], capture_output=True, text=True,
                            check=True).stdout
    rows, columns = {}, None
    for line in output.splitlines():
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "mode":
            columns = parts[2:]
            continue
        if columns and len(parts) >= 2 + len(columns) and not line.startswith(" "):
            rows[(parts[0], parts[1])] = dict(zip(columns, parts[2:]))
    return rows


def value(cell):
    # "lost" cells read "lost/total": fewer lost is better, so the count is negated.
    if "/" in cell:
        return -float(cell.split("/")[0])
    return float(cell)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    old, new, corpora = sys.argv[1], sys.argv[2], sys.argv[3:]
    modes = os.environ.get("MODES", "pdf,raw,layout,default")
    total_rose = total_fell = 0
    for corpus in corpora:
        before, after = table(old, corpus, modes), table(new, corpus, modes)
        rose = fell = 0
        for key, cells in before.items():
            if key not in after:
                continue
            for column, cell in cells.items():
                if column == "art":
                    continue
                x, y = value(cell), value(after[key][column])
                if key[1] == "ALL":
                    if cell != after[key][column]:
                        print(f"  ALL {corpus} {key[0]} {column} {cell} -> {after[key][column]}")
                elif y > x + 1e-9:
                    rose += 1
                elif y < x - 1e-9:
                    fell += 1
                    print(f"FALL {corpus} {key[0]} {key[1]} {column} {cell} -> {after[key][column]}")
        print(f"{corpus}: rose {rose} fell {fell}")
        total_rose += rose
        total_fell += fell
    print(f"TOTAL rose {total_rose} fell {total_fell}")


if __name__ == "__main__":
    main()

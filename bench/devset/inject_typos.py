#!/usr/bin/env python3
"""Spelling development set: one typo in each article's English Summary and one in its Danish
text, put in by an edit model, on top of journal-layout articles (bench/devset/make_articles.py).

For every NAME.txt of --articles, writes NAME.txt with the two typos (and copies NAME.gold.json)
to --out, and one line per typo to --out/typos.jsonl:

    {"article": "NAME.txt", "lang": "en"|"da", "original": "window", "typo": "winndow",
     "kind": "doubling", "offset": 1234, "line": 41, "column": 17}

offset is the byte offset of the typo in the written file, line and column are 1-based
(column in characters). A typo is kept only when Hunspell (the `hunspell` command, da_DK or
en_US + en_GB) does not accept it: a slip that makes another word is a grammar error, which a
spelling checker cannot see.

Edit model (kinds, drawn uniformly): deletion of a letter, insertion of a letter next to it on
the keyboard, transposition of neighbours, doubling of a letter, a vowel changed, a key for its
keyboard neighbour, a phonetic confusion (English: ie/ei, ance/ence, ph/f, c/k, ...; Danish:
nd/n, ld/l, hv/v, e/æ, ...). The English typo falls in the Summary's sentences (after the
citation), the Danish one in the Resumé or body (between the line after the authors and the
Summary line). Words chosen: at least four letters, lower case, whole (not split across a
line end, neither part of a word hyphenated across lines nor glued to the next sentence),
after a space or an opening bracket or quote, known to Hunspell. Deterministic for a given --seed.

With --numbers, also one number of the Summary that the Resumé writes too is changed in the
Summary (its last digit, plus one): a record with "lang": "en", "kind": "number", the
original and changed number. Such a record is a true number_mismatch, for the precision of
the checker's number findings (bench/spelling.cpp).

With --abbreviations, likewise one abbreviation (2-6 capitals) of the Summary that the Resumé
writes too gets its last letter changed to the next one (PDF -> PDG): "kind": "abbreviation",
a true abbreviation_mismatch.

With --memo FILE, Hunspell's verdicts are kept in FILE between runs: the copies of a set made
with other seeds ask about the same words (da_DK's compounding makes each answer slow).

Usage: inject_typos.py --articles DIR --out DIR [--seed 1] [--numbers] [--abbreviations] [--memo FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

VOWELS = {"en": "aeiouy", "da": "aeiouyæøå"}
LETTERS = {"en": "abcdefghijklmnopqrstuvwxyz", "da": "abcdefghijklmnopqrstuvwxyzæøå"}
ROWS = ["qwertyuiopå", "asdfghjklæø", "zxcvbnm"]
PHONETIC = {
    "en": [("ie", "ei"), ("ei", "ie"), ("ance", "ence"), ("ence", "ance"), ("ible", "able"), ("able", "ible"),
           ("ph", "f"), ("c", "k"), ("c", "s"), ("s", "c"), ("tion", "sion"), ("ous", "us"), ("y", "i"),
           ("ee", "ea"), ("ea", "ee"), ("er", "re"), ("ly", "ley"), ("sc", "s"), ("gh", "")],
    "da": [("nd", "n"), ("ld", "l"), ("hv", "v"), ("e", "æ"), ("æ", "e"), ("ig", "i"), ("v", "w"), ("d", "t"),
           ("g", "k"), ("k", "g"), ("ø", "y"), ("y", "ø"), ("ej", "aj"), ("av", "au"), ("og", "å"), ("else", "lse"),
           ("rd", "r"), ("ds", "s"), ("nn", "n")],
}
KINDS = ["deletion", "insertion", "transposition", "doubling", "vowel", "keyboard", "phonetic"]
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
ABBREVIATION = re.compile(r"(?<![\w.-])[A-Z]{2,6}(?![\w.-]?\w)")
NUMBER = re.compile(r"(?<![\w.,-])\d+(?![\w.,-]?\d)")
CITATION = re.compile(r"Ugeskr Læger \d{4};\d+: \d+-\d+")


def neighbours(c: str) -> str:
    out = []
    for r, row in enumerate(ROWS):
        i = row.find(c)
        if i < 0:
            continue
        out += [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
        if r > 0:
            out += [ROWS[r - 1][j] for j in (i, i + 1) if 0 <= j < len(ROWS[r - 1])]
        if r + 1 < len(ROWS):
            out += [ROWS[r + 1][j] for j in (i - 1, i) if 0 <= j < len(ROWS[r + 1])]
    return "".join(out)


def make_typo(word: str, lang: str, kind: str, rng: random.Random) -> str | None:
    n = len(word)
    # The first letter is rarely mistyped; edits fall on positions 1..n-1.
    if kind == "deletion":
        i = rng.randrange(1, n)
        return word[:i] + word[i + 1:]
    if kind == "insertion":
        i = rng.randrange(1, n)
        near = neighbours(word[i - 1]) or LETTERS[lang]
        return word[:i] + rng.choice(near) + word[i:]
    if kind == "transposition":
        spots = [i for i in range(1, n - 1) if word[i] != word[i + 1]]
        if not spots:
            return None
        i = rng.choice(spots)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "doubling":
        spots = [i for i in range(1, n) if word[i] != word[i - 1] and (i + 1 >= n or word[i] != word[i + 1])]
        if not spots:
            return None
        i = rng.choice(spots)
        return word[:i] + word[i] + word[i:]
    if kind == "vowel":
        spots = [i for i in range(1, n) if word[i] in VOWELS[lang]]
        if not spots:
            return None
        i = rng.choice(spots)
        return word[:i] + rng.choice([v for v in VOWELS[lang] if v != word[i]]) + word[i + 1:]
    if kind == "keyboard":
        i = rng.randrange(1, n)
        near = neighbours(word[i])
        if not near:
            return None
        return word[:i] + rng.choice(near) + word[i + 1:]
    if kind == "phonetic":
        options = []
        for a, b in PHONETIC[lang]:
            start = 1
            while (at := word.find(a, start)) >= 0:
                options.append((at, a, b))
                start = at + 1
        if not options:
            return None
        at, a, b = rng.choice(options)
        return word[:at] + b + word[at + len(a):]
    raise ValueError(kind)


class Hunspell:
    """A `hunspell -a` pipe (ispell protocol): one line per word, '*', '+' or '-' = known."""

    def __init__(self, dictionaries: str, memo: dict[str, bool] | None = None):
        self.proc = subprocess.Popen(["hunspell", "-a", "-i", "utf-8", "-d", dictionaries], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, encoding="utf-8")
        self.proc.stdout.readline()  # banner
        self.memo: dict[str, bool] = memo if memo is not None else {}

    def known(self, word: str) -> bool:
        if word not in self.memo:
            self.proc.stdin.write("^" + word + "\n")
            self.proc.stdin.flush()
            answer = self.proc.stdout.readline()
            while (line := self.proc.stdout.readline()).strip():
                pass
            self.memo[word] = answer[:1] in "*+-"
        return self.memo[word]


def candidate_words(text: str, begin: int, end: int) -> list[tuple[int, str]]:
    """(character offset, word) of the plain lower-case words of text[begin:end] that are whole."""
    out = []
    for m in WORD.finditer(text, begin, end):
        w = m.group()
        if len(w) < 4 or not w.islower():
            continue
        before = text[m.start() - 1] if m.start() > 0 else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before in "-'’/" or after in "-'’/" or before.isalnum() or after.isalnum():
            continue
        # The rest of a word hyphenated across a line end (dia-\nloger) is no word of its
        # own, and one glued to the previous sentence (ikke.arbejdsdage) is no plain word.
        if before == "\n" and text[:m.start() - 1].endswith("-"):
            continue
        if not (before.isspace() or before in "(\"“«'‘"):
            continue
        if after == "." and m.end() + 1 < len(text) and text[m.end() + 1].isalpha():
            continue
        out.append((m.start(), w))
    return out


def regions(text: str) -> dict[str, tuple[int, int]] | None:
    """Character ranges of the Danish text and the English Summary sentences."""
    summary_line = re.search(r"^Summary", text, re.M)
    resume = re.search(r"^Resumé\s*$", text, re.M)
    if not summary_line or not resume:
        return None
    citation = CITATION.search(text, summary_line.start())
    if not citation:
        return None
    summary_end = text.find("\n", citation.end())
    return {"da": (resume.end(), summary_line.start()), "en": (citation.end(), summary_end if summary_end >= 0 else len(text))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", required=True, help="directory of NAME.txt (+ NAME.gold.json) from make_articles.py")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--numbers", action="store_true", help="also change one number of each Summary that the Resumé shares")
    ap.add_argument("--abbreviations", action="store_true",
                    help="also change one abbreviation of each Summary that the Resumé shares")
    ap.add_argument("--memo", help="a JSON file that keeps Hunspell's verdicts between runs (read if present, written at the end); "
                                   "the output is the same with or without it")
    args = ap.parse_args()
    src, out = Path(args.articles), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    # Hunspell's verdicts kept between runs (--memo): the copies of one set with other seeds
    # ask about the same words, and da_DK's compounding makes each answer slow.
    memo_path = Path(args.memo) if args.memo else None
    memos = json.loads(memo_path.read_text(encoding="utf-8")) if memo_path and memo_path.exists() else {}
    spellers = {"da": Hunspell("da_DK", memos.setdefault("da", {})), "en": Hunspell("en_US,en_GB", memos.setdefault("en", {}))}
    records = []
    for path in sorted(src.glob("*.txt")):
        rng = random.Random(f"{args.seed}:{path.name}")
        text = path.read_text(encoding="utf-8")
        spans = regions(text)
        if spans is None:
            print(f"inject_typos: {path}: no Resumé/Summary layout, skipped", file=sys.stderr)
            continue
        edits = []  # (character offset, original, typo, lang, kind)
        for lang in ("en", "da"):
            words = [(at, w) for at, w in candidate_words(text, *spans[lang]) if spellers[lang].known(w)]
            rng.shuffle(words)
            for at, w in words[:50]:
                kind = rng.choice(KINDS)
                typo = make_typo(w, lang, kind, rng)
                if typo and typo != w and len(typo) >= 3 and not spellers[lang].known(typo):
                    edits.append((at, w, typo, lang, kind))
                    break
        if args.numbers:
            number_rng = random.Random(f"{args.seed}:numbers:{path.name}")
            resume_numbers = set(NUMBER.findall(text, *spans["da"]))
            taken = {at for at, *_ in edits}
            shared = [(m.start(), m.group()) for m in NUMBER.finditer(text, *spans["en"])
                      if m.group() in resume_numbers and m.start() not in taken]
            if shared:
                at, number = number_rng.choice(shared)
                changed = number[:-1] + str((int(number[-1]) + 1) % 10)
                edits.append((at, number, changed, "en", "number"))
        if args.abbreviations:
            abbreviation_rng = random.Random(f"{args.seed}:abbreviations:{path.name}")
            resume_abbreviations = set(ABBREVIATION.findall(text, *spans["da"]))
            taken = {at for at, *_ in edits}
            shared = [(m.start(), m.group()) for m in ABBREVIATION.finditer(text, *spans["en"])
                      if m.group() in resume_abbreviations and m.start() not in taken]
            if shared:
                at, abbreviation = abbreviation_rng.choice(shared)
                last = abbreviation[-1]
                changed = abbreviation[:-1] + ("A" if last == "Z" else chr(ord(last) + 1))
                edits.append((at, abbreviation, changed, "en", "abbreviation"))
        # Apply from the end so earlier offsets stay valid, then locate each typo.
        new = text
        for at, w, typo, lang, kind in sorted(edits, reverse=True):
            new = new[:at] + typo + new[at + len(w):]
        shift = 0
        for at, w, typo, lang, kind in sorted(edits):
            pos = at + shift
            shift += len(typo) - len(w)
            line_start = new.rfind("\n", 0, pos) + 1
            records.append({"article": path.name, "lang": lang, "original": w, "typo": typo, "kind": kind,
                            "offset": len(new[:pos].encode("utf-8")), "line": new.count("\n", 0, pos) + 1,
                            "column": pos - line_start + 1})
        (out / path.name).write_text(new, encoding="utf-8")
        gold = path.with_suffix(".gold.json")
        if gold.exists():
            shutil.copyfile(gold, out / gold.name)
    if memo_path:
        memo_path.write_text(json.dumps(memos, ensure_ascii=False), encoding="utf-8")
    with open(out / "typos.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    langs = {l: sum(r["lang"] == l and r["kind"] not in ("number", "abbreviation") for r in records) for l in ("en", "da")}
    numbers = sum(r["kind"] == "number" for r in records)
    abbreviations = sum(r["kind"] == "abbreviation" for r in records)
    print(f"inject_typos: {langs['en']} English and {langs['da']} Danish typos, {numbers} changed numbers, "
          f"{abbreviations} changed abbreviations in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Claim-support development set: journal-style articles built from Danish/English parallel text.

Each article is one help page of a manual, laid out as the journal's PDF text extraction
leaves an article (corpus/ugeskr-2003-165-stamceller.txt): Danish title, kind label glued to
the authors, `Resumé`, Danish body paragraphs under headings (wrapped, some words hyphenated
across lines), then `Summary` + authors + English title + citation + the English claims, and
a `Korrespondance:` line. The Summary holds claims of two kinds:

* supported: English of sentences of this page, as they are (`single`), two adjacent ones
  joined into one sentence (`merged`), or lightly reworded (`paraphrase`);
* unsupported: English sentences of another page of the same manual (`other_page`), never one
  whose English or Danish also occurs on this page.

Next to each `NAME.txt` goes `NAME.gold.json`:

    {"source": "libreoffice", "page": "text/...html", "other_page": "text/...html",
     "claims": [{"text": "...", "supported": true, "kind": "single|merged|paraphrase",
                 "evidence": [{"text": "<Danish sentence>", "order": 7}]},   # order: index
                {"text": "...", "supported": false, "kind": "other_page", "evidence": []}],
     "body_sentences": ["<Danish sentence>", ...]}

`order` indexes `body_sentences`, the Danish sentence units of the body in reading order as
written (before wrapping and hyphenation; a unit the page gives as one paragraph of several
sentences is one entry). Claims are listed in Summary order.

Deterministic for a given --seed and installed package versions. Sources (Debian packages):

* libreoffice: libreoffice-help-da + libreoffice-help-en-us, paragraphs paired by their
  par_id/hd_id (as lib/train/lexicon_corpus.cpp). --pages heldout (default: the tenth held
  out of lexicon training, lib/train/heldout.hpp), heldout-dev / heldout-test (its halves, as
  bench/docalign_libreoffice.cpp), train (the rest: the lexicon was trained on it), all.
* gimp: gimp-help-da + gimp-help-en, pages paired by file name, blocks by position within
  runs whose numbers/acronyms agree (pair_blocks).
* debian-edu: debian-edu-doc-da + debian-edu-doc-en, one manual; each numbered section is a
  page, blocks paired as for gimp.
* manpages: manpages-da + the English pages of the same name (manpages, coreutils, ...),
  each page typeset to HTML by groff (`groff -man -Thtml`), blocks paired as for gimp; the
  Danish pages' own translation credits (OVERSÆTTELSE) have no English block and drop out.
* installation-guide: installation-guide-amd64 (Debian's installation manual, whose package
  holds the Danish and the English HTML), pages paired by file name and blocks as for gimp,
  small pages grouped.

Usage: make_articles.py --source libreoffice --seed 1 --articles 200 --out DIR
"""

from __future__ import annotations

import argparse
import html
import html.parser
import json
import os
import random
import re
import sys
from pathlib import Path

# ---------------------------------------------------------------------------------------
# Reading parallel pages


def fnv1a64(data: bytes) -> int:
    h = 14695981039346656037
    for b in data:
        h ^= b
        h = (h * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


def is_heldout_page(relative: str) -> bool:
    return fnv1a64(relative.encode()) % 10 == 0


def collapse(text: str) -> str:
    return " ".join(text.split())


class IdParagraphs(html.parser.HTMLParser):
    """Text of every element whose id starts with par_id / hd_id (descendants included),
    repeated ids numbered as lib/train/lexicon_corpus.cpp does."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[str, str, str]] = []  # (id, kind "par"/"hd", text)
        self.stack: list[str] = []  # open tags
        self.capture_depth = -1
        self.capture_id = ""
        self.buffer: list[str] = []
        self.seen: dict[str, int] = {}

    VOID = {"br", "img", "meta", "link", "input", "hr", "col", "area", "base", "wbr", "source", "embed"}

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if self.capture_depth >= 0:
            return
        ident = dict(attrs).get("id") or ""
        if ident.startswith("par_id") or ident.startswith("hd_id"):
            n = self.seen.get(ident, 0) + 1
            self.seen[ident] = n
            self.capture_id = ident if n == 1 else f"{ident}#{n}"
            self.capture_depth = len(self.stack)
            self.buffer = []

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        # Tolerate unbalanced markup: pop to the matching tag.
        if tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if self.capture_depth >= 0 and len(self.stack) < self.capture_depth:
                kind = "hd" if self.capture_id.startswith("hd_id") else "par"
                self.out.append((self.capture_id, kind, collapse("".join(self.buffer))))
                self.capture_depth = -1
            if top == tag:
                break

    def handle_data(self, data):
        if self.capture_depth >= 0:
            self.buffer.append(data)


def id_paragraphs(path: Path) -> list[tuple[str, str, str]]:
    parser = IdParagraphs()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.out


class Blocks(html.parser.HTMLParser):
    """Text blocks (p, h1-h6, li, dt, dd, td, title) of a DocBook-style HTML page, in order."""

    BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "pre"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[str, str]] = []
        self.depth = 0
        self.tag = ""
        self.buffer: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "pre"):
            self.skip += 1
        if tag in self.BLOCK:
            self.flush()
            self.tag = tag

    def handle_endtag(self, tag):
        if tag in ("script", "style", "pre"):
            self.skip = max(0, self.skip - 1)
        if tag in self.BLOCK:
            self.flush()

    def flush(self):
        text = collapse("".join(self.buffer))
        if text and self.tag:
            self.out.append(("hd" if self.tag.startswith("h") else "par", text))
        self.buffer = []
        self.tag = ""

    def handle_data(self, data):
        if not self.skip and self.tag:
            self.buffer.append(data)


def blocks(path: Path) -> list[tuple[str, str]]:
    parser = Blocks()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    parser.flush()
    return parser.out


class Page:
    def __init__(self, source: str, path: str, units: list[tuple[str, str, str]]):
        self.source = source
        self.path = path
        self.units = units  # (kind "hd"/"par", Danish, English) in page order


def libreoffice_pages(subset: str) -> list[Page]:
    root = Path("/usr/share/libreoffice/help")
    da_root, en_root = root / "da", root / "en-US"
    if not da_root.is_dir() or not en_root.is_dir():
        sys.exit(f"make_articles: no LibreOffice help under {root} (install libreoffice-help-da, libreoffice-help-en-us)")
    pages = []
    for path in sorted(da_root.joinpath("text").rglob("*.html")):
        relative = path.relative_to(da_root).as_posix()
        held = is_heldout_page(relative)
        dev = (fnv1a64(relative.encode()) // 10) % 2 == 1
        keep = {
            "heldout": held,
            "heldout-dev": held and dev,
            "heldout-test": held and not dev,
            "train": not held,
            "all": True,
        }[subset]
        if not keep or not (en_root / relative).is_file():
            continue
        english = {ident: text for ident, _, text in id_paragraphs(en_root / relative)}
        units = []
        for ident, kind, danish in id_paragraphs(path):
            en = english.get(ident)
            if not en or not danish or danish == en:
                continue
            units.append((kind, danish, en))
        pages.append(Page("libreoffice", relative, units))
    return pages


SIGNATURE_TOKEN = re.compile(r"\d+|\b[A-Z][A-Z0-9]+\b|[/_@]\w+")


def signature(kind: str, text: str) -> tuple:
    """What survives translation: the block kind, its numbers, acronyms, paths."""
    return (kind, tuple(SIGNATURE_TOKEN.findall(text)))


def pair_blocks(da_blocks: list[tuple[str, str]], en_blocks: list[tuple[str, str]],
                key=signature) -> list[tuple[str, str, str]]:
    """Blocks of a page and its translation paired by position within runs whose signatures
    agree (difflib), so one block more on either side does not shift the rest; pairs whose
    lengths differ too much for a translation are dropped."""
    import difflib

    matcher = difflib.SequenceMatcher(None, [key(*b) for b in da_blocks], [key(*b) for b in en_blocks],
                                      autojunk=False)
    units = []
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            (kind, d), (_, e) = da_blocks[block.a + k], en_blocks[block.b + k]
            if d and e and d != e and 0.5 <= (len(d) + 10) / (len(e) + 10) <= 2.0:
                units.append((kind, d, e))
    return units


def positional_pages(source: str, da_root: Path, en_root: Path, pattern: str) -> list[Page]:
    """Pages of two language trees with the same relative path (gimp-help)."""
    if not da_root.is_dir() or not en_root.is_dir():
        sys.exit(f"make_articles: {source}: no pages under {da_root} / {en_root} (see the docstring for the packages)")
    pages = []
    for path in sorted(da_root.rglob(pattern)):
        relative = path.relative_to(da_root).as_posix()
        other = en_root / relative
        if other.is_file():
            pages.append(Page(source, relative, pair_blocks(blocks(path), blocks(other))))
    return pages


def split_sentences(units: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A paragraph whose Danish and English split into the same number of sentences becomes
    that many sentence pairs (a translator keeps sentence boundaries far more often than not)."""
    out = []
    for kind, d, e in units:
        ds, es = split_text(d), split_text(e)
        if kind == "par" and len(ds) == len(es) > 1:
            out += [("par", x, y) for x, y in zip(ds, es)]
        else:
            out.append((kind, d, e))
    return out


def grouped(pages: list[Page], min_sentences: int = 10) -> list[Page]:
    """Consecutive small pages (by path: a manual's chapter) joined until the body has
    `min_sentences` prose sentences; gimp's pages are often a single menu entry."""
    out, units, paths = [], [], []
    for page in pages:
        units += page.units
        paths.append(page.path)
        if sum(1 for k, d, _ in units if k == "par" and is_body_sentence(d)) >= min_sentences:
            out.append(Page(page.source, paths[0] + (f"+{len(paths) - 1}" if len(paths) > 1 else ""), units))
            units, paths = [], []
    return out


def load_pages(source: str, subset: str, man_root: Path = Path("/usr/share/man/da")) -> list[Page]:
    if source == "libreoffice":
        pages = libreoffice_pages(subset)
    elif source == "gimp":
        pages = grouped(positional_pages("gimp", Path("/usr/share/gimp/2.0/help/da"),
                                         Path("/usr/share/gimp/2.0/help/en"), "*.html"))
    elif source == "debian-edu":
        pages = grouped(manual_pages("debian-edu", Path("/usr/share/doc/debian-edu-doc-da"),
                                     Path("/usr/share/doc/debian-edu-doc-en")))
    elif source == "installation-guide":
        pages = grouped(positional_pages("installation-guide", Path("/usr/share/doc/installation-guide-amd64/da"),
                                         Path("/usr/share/doc/installation-guide-amd64/en"), "*.html"))
    elif source == "manpages":
        pages = [unrepeated(page) for page in grouped(man_pages("manpages", man_root, Path("/usr/share/man")))]
    else:
        sys.exit(f"make_articles: unknown source {source!r}")
    for page in pages:
        page.units = split_sentences(page.units)
    return pages


def typeset_man(path: Path) -> Path | None:
    """A gzipped manual page as groff's HTML, in a temporary file (None if groff fails)."""
    import gzip
    import subprocess
    import tempfile

    try:
        source = gzip.decompress(path.read_bytes())
        # In a folder of its own: grohtml writes the images of tables and equations (grohtml-*.png) where it runs.
        with tempfile.TemporaryDirectory() as folder:
            done = subprocess.run(["groff", "-man", "-Thtml", "-Kutf8"], input=source, capture_output=True, timeout=60, cwd=folder)
    except (OSError, EOFError, subprocess.SubprocessError) as error:
        print(f"make_articles: {path}: {error}", file=sys.stderr)
        return None
    if done.returncode != 0 or not done.stdout:
        print(f"make_articles: {path}: groff exited {done.returncode}", file=sys.stderr)
        return None
    handle = tempfile.NamedTemporaryFile(suffix=".html", delete=False)
    handle.write(done.stdout)
    handle.close()
    return Path(handle.name)


MAN_SIGNATURE_TOKEN = re.compile(r"\d+|(?<![\w-])--?[A-Za-z][\w-]*|[/_@]\w+")


def man_signature(kind: str, text: str) -> tuple:
    """What survives translation in a manual page: numbers, options, paths (its upper-case
    words are translated placeholders such as KILDE for SOURCE)."""
    return (kind, tuple(MAN_SIGNATURE_TOKEN.findall(text)))


def man_blocks(path: Path) -> list[tuple[str, str]]:
    """Blocks of a typeset page; upper-case section headings (BESKRIVELSE) as a sentence
    starts, so that they read as headings (is_heading)."""
    return [(kind, text.capitalize() if kind == "hd" and text.isupper() else text) for kind, text in blocks(path)]


def unrepeated(page: Page) -> Page:
    """The page without a block whose Danish came earlier in it: grouped manual pages repeat
    their common option texts ("vis denne hjælpetekst og afslut")."""
    seen: set[str] = set()
    units = []
    for unit in page.units:
        if unit[0] == "hd" or unit[1] not in seen:
            units.append(unit)
            seen.add(unit[1])
    page.units = units
    return page


def man_pages(source: str, da_root: Path, en_root: Path) -> list[Page]:
    """Danish manual pages and the English pages of the same section and name."""
    if not da_root.is_dir():
        sys.exit(f"make_articles: {source}: no Danish manual pages under {da_root} (install manpages-da)")
    pages = []
    for path in sorted(da_root.glob("man*/*.gz")):
        relative = path.relative_to(da_root).as_posix()
        other = en_root / relative
        if not other.is_file():
            continue
        da_html, en_html = typeset_man(path), typeset_man(other)
        try:
            if da_html and en_html:
                pages.append(Page(source, relative, pair_blocks(man_blocks(da_html), man_blocks(en_html), man_signature)))
        finally:
            for f in (da_html, en_html):
                if f:
                    f.unlink()
    if not pages:
        sys.exit(f"make_articles: {source}: no page under {da_root} has an English page under {en_root}")
    return pages


NUMBERED_HEADING = re.compile(r"^\d+(\.\d+)*\. \S")


def manual_pages(source: str, da_base: Path, en_base: Path) -> list[Page]:
    """Single-file manuals (one HTML per manual and language, same file name): blocks paired
    as pair_blocks does; each numbered section ("14.15. ...") becomes a page."""
    if not da_base.is_dir() or not en_base.is_dir():
        sys.exit(f"make_articles: {source}: no manuals under {da_base} / {en_base}")
    pages = []
    # debian-edu-doc installs the manuals of two releases, mostly the same text: one manual
    # only (the first by name), so no "other page" is a copy of the page.
    for da_path in sorted(da_base.glob("*.html"))[:1]:
        en_path = en_base / da_path.name
        if not en_path.is_file():
            continue
        current: list[tuple[str, str, str]] = []
        count = 0

        def close():
            nonlocal current, count
            if len(current) > 1:
                pages.append(Page(source, f"{da_path.name}#{count}", current))
                count += 1
            current = []

        for kind, d, e in pair_blocks(blocks(da_path), blocks(en_path)):
            if NUMBERED_HEADING.match(e) and len(e) <= 90:
                close()
                kind = "hd"
                d = d.split(" ", 1)[1] if " " in d else d
                e = e.split(" ", 1)[1] if " " in e else e
            current.append((kind, d, e))
        close()
    return pages


# ---------------------------------------------------------------------------------------
# Sentences

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“«»(]?[A-ZÆØÅ0-9])")
WORD = re.compile(r"\w+", re.UNICODE)
# A capital initial before a capitalised word: "Richard M. Stallman", "Vi af Michael C. Pierce".
# Not a letter after a hyphen ("-P. Otherwise", "Ctrl-P."): the library's segmenter reads a
# hyphen glued to the letter as an option (or part of a longer word), whose full stop ends the
# sentence before a capital, so a claim cut here is the unit the parsed article has.
INITIAL_BREAK = re.compile(r"(?<![\w.\-])[A-ZÆØÅ]\.\s+([A-ZÆØÅ]\w*)")


def sentence_starters() -> frozenset[str]:
    """The words that end a sentence at an initial ("vitamin D. The ..."), as the library's
    segmenter reads them from data/abbreviations-{da,en}.txt (tag `starter`)."""
    words = set()
    data = Path(__file__).resolve().parents[2] / "data"
    for lang in ("da", "en"):
        for line in (data / f"abbreviations-{lang}.txt").read_text(encoding="utf-8").splitlines():
            fields = line.split("#", 1)[0].split()
            if len(fields) == 2 and fields[1] == "starter":
                words.add(fields[0])
    return frozenset(words)


STARTERS = sentence_starters()


def never_final() -> frozenset[str]:
    """The abbreviations that never end a sentence (an entry without a tag in
    data/abbreviations-{da,en}.txt: "f.eks.", "bl.a.", "e.g."), as written and with a capital
    first letter ("F.eks."), as the library's segmenter matches them."""
    words = set()
    data = Path(__file__).resolve().parents[2] / "data"
    for lang in ("da", "en"):
        for line in (data / f"abbreviations-{lang}.txt").read_text(encoding="utf-8").splitlines():
            fields = line.split("#", 1)[0].split()
            # A single letter ("a.", "m.") is left to the initials rule above.
            if len(fields) == 1 and fields[0].endswith(".") and len(fields[0]) > 2:
                words.add(fields[0])
                words.add(fields[0][0].upper() + fields[0][1:])
    return frozenset(words)


NEVER_FINAL = never_final()


def sentence_breaks(text: str) -> list[re.Match]:
    """SENTENCE_END's matches but those after a person's initial: a name goes on, as in the
    library's segmenter (lib/detail/segment_rules.cpp); cutting there made claims such as
    "Written by Richard M." no translation or summary has."""
    initials = {m.end(0) - len(m.group(1))
                for m in INITIAL_BREAK.finditer(text) if m.group(1) not in STARTERS}

    # Nor after an abbreviation that never ends a sentence ("… f.eks. Skift+Ctrl+Alt."): the
    # library's segmenter goes on there, so a cut made a Danish unit ("Skift+Ctrl+Alt.") that
    # no sentence of the parsed article is, and paired the claims beside it with the wrong
    # gold sentence.
    def after_abbreviation(m: re.Match) -> bool:
        before = text[:m.start()].split()
        return bool(before) and before[-1] in NEVER_FINAL

    return [m for m in SENTENCE_END.finditer(text) if m.end() not in initials and not after_abbreviation(m)]


def split_text(text: str) -> list[str]:
    out, start = [], 0
    for m in sentence_breaks(text):
        out.append(text[start:m.start()])
        start = m.end()
    out.append(text[start:])
    return out


def is_single_sentence(text: str) -> bool:
    return text[-1:] in ".!?" and not sentence_breaks(text) and text.count(".") <= 3


def is_body_sentence(text: str) -> bool:
    """A paragraph that reads as running text: ends a sentence, starts with a capital."""
    return sum(1 for w in WORD.findall(text) if not w.isdigit()) >= 3 and text[-1:] in ".!?:" and (text[0].isupper() or text[0].isdigit())


SHOUTED = re.compile(r"^[A-ZÆØÅ]{4,}")


def is_heading(text: str) -> bool:
    """A short line that the parser can take for a heading: no sentence end, and not opening
    with a capitalised word the journal layout reserves for article kinds (OVERSIGTSARTIKEL)."""
    return 2 <= len(text) <= 70 and text[-1:] not in ".:;,!?" and not SHOUTED.match(text) and not is_body_sentence(text)


def is_claim(en: str, da: str) -> bool:
    words = WORD.findall(en)
    return (
        4 <= len(words) <= 45
        and en[-1:] == "."
        and is_single_sentence(en)
        and is_single_sentence(da)
        and is_body_sentence(da)
        and en[0].isupper()
        and "?" not in en[:-1]
    )


def normal(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def decapitalise(text: str) -> str:
    first = text.split(" ", 1)[0]
    # Keep names and acronyms: only a plain capitalised word is lowered.
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and first not in ("I",):
        return text[0].lower() + text[1:]
    return text


PARAPHRASES = [
    (re.compile(r"^You can also "), "It is also possible to "),
    (re.compile(r"^You can "), "It is possible to "),
    (re.compile(r"\ballows you to\b"), "lets you"),
    (re.compile(r"\blets you\b"), "allows you to"),
    (re.compile(r"\bdisplays\b"), "shows"),
    (re.compile(r"\bshows\b"), "displays"),
    (re.compile(r"^Choose "), "Select "),
    (re.compile(r"^Select "), "Choose "),
    (re.compile(r"^Click "), "Press "),
    (re.compile(r"^Enter "), "Type "),
    (re.compile(r"^Specifies\b"), "Sets"),
    (re.compile(r"^Defines\b"), "Sets"),
    (re.compile(r"\bthe current\b"), "the active"),
    (re.compile(r"\bin order to\b"), "to"),
    (re.compile(r"\bIn addition, "), "Also, "),
    (re.compile(r"\bhowever\b"), "though"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bdoesn't\b"), "does not"),
    (re.compile(r"\bisn't\b"), "is not"),
    (re.compile(r"\bmust\b"), "have to"),
    (re.compile(r"\bseveral\b"), "a number of"),
    (re.compile(r"\bselect\b"), "choose"),
    (re.compile(r"\bclick\b"), "press"),
    (re.compile(r"\boption\b"), "setting"),
    (re.compile(r"\benables\b"), "turns on"),
    (re.compile(r"\bappears\b"), "is shown"),
    (re.compile(r"\bcreate\b"), "make"),
    (re.compile(r"\bremove\b"), "delete"),
    (re.compile(r"\bdelete\b"), "remove"),
    (re.compile(r"\bwant to\b"), "wish to"),
    (re.compile(r"\bneed to\b"), "have to"),
    (re.compile(r"\bcan be\b"), "may be"),
    (re.compile(r"^If "), "When "),
    (re.compile(r"\bdialog\b"), "dialog box"),
    (re.compile(r"\busing\b"), "with"),
    (re.compile(r"\bmodify\b"), "change"),
    (re.compile(r"\bchange\b"), "modify"),
    (re.compile(r"\bcontains\b"), "holds"),
    (re.compile(r"\bthe following\b"), "these"),
    (re.compile(r"\bis used to\b"), "serves to"),
]
FRONTED = re.compile(r"^(To|In|On|For|With|From) (.{4,}?), (.{6,})\.$")
IF_CLAUSE = re.compile(r"^If (.{6,}?), (.{6,})\.$")


def paraphrase(text: str, rng: random.Random) -> str | None:
    """A light rewording (synonyms, a moved if-clause or fronted phrase, a dropped parenthesis), or None when
    no rule applies."""
    out = text
    changed = 0
    match = IF_CLAUSE.match(out)
    if match and rng.random() < 0.7:
        main = match.group(2)
        out = main[0].upper() + main[1:] + " if " + decapitalise(match.group(1)) + "."
        changed += 1
    match = FRONTED.match(out) if not changed else None
    if match and rng.random() < 0.7:
        main = match.group(3)
        out = main[0].upper() + main[1:] + " " + match.group(1).lower() + " " + match.group(2) + "."
        changed += 1
    rules = PARAPHRASES[:]
    rng.shuffle(rules)
    for pattern, replacement in rules:
        if changed >= 2:
            break
        new = pattern.sub(replacement, out, count=1)
        if new != out:
            out = new
            changed += 1
    without = re.sub(r" \([^()]{1,60}\)", "", out)
    if without != out and len(WORD.findall(without)) >= 4:
        out = without
        changed += 1
    return out if changed else None


# ---------------------------------------------------------------------------------------
# Layout

FIRST = ["Anne", "Lars", "Mette", "Søren", "Karen", "Henrik", "Birgitte", "Jens", "Louise", "Peter", "Hanne", "Niels",
         "Camilla", "Mikkel", "Inge", "Rasmus", "Helle", "Anders", "Pia", "Morten"]
LAST = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
        "Jørgensen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Møller", "Mortensen", "Kjær", "Holm", "Lund"]
KINDS = ["OVERSIGTSARTIKEL", "VIDENSKAB OG PRAKSIS", "ORIGINALARTIKEL", "STATUSARTIKEL"]
DEPARTMENTS = ["Medicinsk Afdeling", "Kirurgisk Afdeling", "Klinisk Biokemisk Afdeling", "Pædiatrisk Klinik II"]
HOSPITALS = ["Rigshospitalet", "Odense Universitetshospital", "Aarhus Universitetshospital", "Herlev Hospital"]


def authors(rng: random.Random) -> list[str]:
    names = []
    for _ in range(rng.randint(1, 4)):
        middle = (" " + rng.choice(FIRST)) if rng.random() < 0.2 else ""
        names.append(f"{rng.choice(FIRST)}{middle} {rng.choice(LAST)}")
    return names


def author_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " & " + names[-1]


VOWELS = set("aeiouyæøåAEIOUYÆØÅ")


def hyphen_point(word: str) -> int:
    """A split point inside a long word, or 0."""
    letters = word.rstrip(".,;:!?)")
    if len(letters) < 8 or not letters.isalpha():
        return 0
    # Before a consonant that opens a syllable (retur-neres), as a hyphenator would.
    for i in range(3, len(letters) - 3):
        if letters[i] not in VOWELS and letters[i + 1] in VOWELS and letters[i - 1] not in VOWELS:
            return i
    for i in range(3, len(letters) - 3):
        if letters[i] not in VOWELS and letters[i + 1] in VOWELS:
            return i
    return 0


def wrap(text: str, rng: random.Random, width: int = 62, hyphenate: float = 0.5) -> list[str]:
    """Lines as the PDF extraction leaves a column: about `width` bytes, a trailing space on
    most lines, a long word crossing the line end sometimes hyphenated."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            cut = hyphen_point(word)
            room = width - len(line) - 1
            if cut and cut + 1 <= room + 4 and rng.random() < hyphenate:
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            lines.append(line + " ")
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


# ---------------------------------------------------------------------------------------
# Articles


def body_blocks(page: Page):
    """The page as body blocks: ("hd", text) headings and ("par", [sentence units])
    paragraphs. Paragraph units that do not read as running text (labels, table cells, code)
    are left out, so the parser sees prose."""
    out = []
    paragraph: list[str] = []
    for kind, danish, _ in page.units:
        if kind == "hd" and is_heading(danish):
            if paragraph:
                out.append(("par", paragraph))
                paragraph = []
            if out and out[-1][0] == "hd":
                out.pop()  # a heading with no text under it
            out.append(("hd", danish))
            continue
        if not is_body_sentence(danish):
            continue
        paragraph.append(danish)
        if len(paragraph) >= 4:
            out.append(("par", paragraph))
            paragraph = []
    if paragraph:
        out.append(("par", paragraph))
    while out and out[-1][0] == "hd":
        out.pop()
    return out


def title_of(page: Page) -> tuple[str, str] | None:
    for kind, danish, english in page.units:
        if kind == "hd" and is_heading(danish):
            return danish, english
    return None


def make_article(page: Page, others: list[Page], rng: random.Random, index: int):
    blocks_ = body_blocks(page)
    sentences = [s for kind, b in blocks_ if kind == "par" for s in b]
    if len(sentences) < 6 or len(set(sentences)) != len(sentences):
        return None
    title = title_of(page)
    if not title:
        return None
    order = {s: i for i, s in enumerate(sentences)}
    # English of body sentences that can be claims, in body order.
    english_of = {}
    for kind, danish, english in page.units:
        if danish in order and danish not in english_of:
            english_of[danish] = english
    candidates = [s for s in sentences if s in english_of and is_claim(english_of[s], s)]
    if len(candidates) < 3:
        return None

    page_english = {normal(e) for _, _, e in page.units}
    page_danish = {normal(d) for _, d, _ in page.units}

    # Supported claims.
    supported = []
    used: set[str] = set()
    for _ in range(20):
        if len(supported) == 3:
            break
        kind = rng.choices(["single", "merged", "paraphrase"], weights=[0.4, 0.25, 0.35])[0]
        first = rng.choice(candidates)
        if first in used:
            continue
        if kind == "merged":
            i = order[first]
            second = sentences[i + 1] if i + 1 < len(sentences) else None
            if second is None or second in used or second not in english_of or not is_claim(english_of[second], second):
                kind = "single"
            else:
                en1, en2 = english_of[first], english_of[second]
                joint = rng.choice(["; ", ", and "])
                text = en1[:-1] + joint + decapitalise(en2)
                supported.append({"text": text, "supported": True, "kind": "merged",
                                  "evidence": [{"text": first, "order": order[first]},
                                               {"text": second, "order": order[second]}],
                                  "danish": first + " " + second})
                used.update([first, second])
                continue
        if kind == "paraphrase":
            text = paraphrase(english_of[first], rng)
            if text is None:
                kind = "single"
            else:
                supported.append({"text": text, "supported": True, "kind": "paraphrase",
                                  "evidence": [{"text": first, "order": order[first]}], "danish": first})
                used.add(first)
                continue
        supported.append({"text": english_of[first], "supported": True, "kind": "single",
                          "evidence": [{"text": first, "order": order[first]}], "danish": first})
        used.add(first)
    if len(supported) < 3:
        return None

    # Unsupported claims: English sentences of another page of the same manual.
    unsupported = []
    for _ in range(10):
        other = rng.choice(others)
        if other.path == page.path:
            continue
        pool = [(d, e) for k, d, e in other.units
                if is_claim(e, d) and normal(e) not in page_english and normal(d) not in page_danish]
        if len(pool) < 3:
            continue
        for danish, english in rng.sample(pool, 3):
            unsupported.append({"text": english, "supported": False, "kind": "other_page", "evidence": [],
                                "danish": danish, "page": other.path})
        break
    if len(unsupported) < 3:
        return None
    # Two claims with the same text would be ambiguous in the gold.
    claims = supported + unsupported
    if len({normal(c["text"]) for c in claims}) != len(claims):
        return None
    rng.shuffle(claims)

    names = authors(rng)
    kind_label = rng.choice(KINDS)
    da_title, en_title = title
    if en_title[-1:] not in ".?!":
        en_title += "."
    first_page = rng.randint(1000, 5000)
    citation = f"Ugeskr Læger 2003;165: {first_page}-{first_page + rng.randint(2, 4)}"

    lines = [da_title, "", kind_label + author_list(names), "", "Resumé"]
    # The Resumé: the Danish the Summary translates (as in the journal), one paragraph.
    lines += wrap(" ".join(c["danish"] for c in claims), rng)
    lines.append("")
    for kind, block in blocks_:
        if kind == "hd":
            lines.append(block)
        else:
            lines += wrap(" ".join(block), rng)
            lines.append("")
    summary = ("Summary" + author_list(names) + ":" + en_title + citation + " ".join(c["text"] for c in claims) + " ")
    lines.append(summary)
    lines.append("")
    lines.append(f"Korrespondance: {names[0]}, {rng.choice(DEPARTMENTS)}, {rng.choice(HOSPITALS)}.")
    text = "\n".join(lines) + "\n"

    gold_claims = []
    for c in claims:
        entry = {k: c[k] for k in ("text", "supported", "kind", "evidence")}
        if not c["supported"]:
            entry["page"] = c["page"]
        gold_claims.append(entry)
    gold = {"source": page.source, "page": page.path, "title_da": da_title, "title_en": en_title,
            "claims": gold_claims, "body_sentences": sentences}
    return text, gold


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", choices=["libreoffice", "gimp", "debian-edu", "manpages", "installation-guide"], default="libreoffice")
    ap.add_argument("--pages", choices=["heldout", "heldout-dev", "heldout-test", "train", "all"], default="heldout",
                    help="LibreOffice only: which pages (default: the held-out tenth)")
    ap.add_argument("--man-root", type=Path, default=Path("/usr/share/man/da"),
                    help="manpages only: the Danish pages (a folder of man1/, man8/, ...; default: manpages-da's), "
                         "e.g. a folder holding only pages not paired before")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--articles", type=int, default=200, help="at most this many articles")
    ap.add_argument("--out", required=True, help="output directory (created)")
    args = ap.parse_args()

    pages = load_pages(args.source, args.pages, args.man_root)
    pages = [p for p in pages if len(p.units) >= 4]
    if len(pages) < 2:
        sys.exit(f"make_articles: {args.source}: fewer than two usable pages")
    rng = random.Random(args.seed)
    order = list(range(len(pages)))
    rng.shuffle(order)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for i in order:
        if written >= args.articles:
            break
        made = make_article(pages[i], pages, rng, written)
        if made is None:
            continue
        text, gold = made
        name = f"{args.source}-{args.seed}-{written:04d}"
        (out / f"{name}.txt").write_text(text, encoding="utf-8")
        (out / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written += 1
    subset = f" ({args.pages})" if args.source == "libreoffice" else ""
    print(f"make_articles: {written} articles from {len(pages)} {args.source} pages{subset} in {out}",
          file=sys.stderr)
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main())

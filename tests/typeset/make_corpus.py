#!/usr/bin/env python3
"""Builds the typeset test corpus: journal articles made from Danish/English parallel text,
typeset as two-column PDFs with groff -ms (or pdflatex, --typesetter latex) in several layout variants, extracted with pdftotext
in its three modes, each with a gold annotation of every field and of the Resumé/Summary beads.

    python3 tests/typeset/make_corpus.py --out DIR [--seed N] [--articles N] [--variants a,b] [--typesetter latex]

Parallel text: Debian's LibreOffice help (libreoffice-help-da, libreoffice-help-en-us),
paragraphs paired by their par_id/hd_id attribute, only from pages held out of lexicon
training (the rule of lib/train/heldout.hpp) and of those only the "test" half (the one the
aligner's calibration did not see), so alignment is measured on text the aligner never saw.
The seed's complete article (corpus/gold/*.json) is the second article of document 0, after one
the file begins inside; the last document ends inside an article.

Output (docs/typeset-corpus.md describes it):
    DIR/manifest.json                         variants, modes, documents
    DIR/gold/docNN.json                       gold of document NN (the same for every variant)
    DIR/VARIANT/docNN.ms, docNN.pdf           groff source and PDF
    DIR/VARIANT/docNN.MODE.txt                pdftotext -enc UTF-8 output, MODE = default|raw|layout

Everything is deterministic for a given --seed and the installed help pages.
"""
import argparse
import concurrent.futures
import hashlib
import html.parser
import json
import os
import random
import re
import shutil
import subprocess
from pathlib import Path

HELP_ROOT = Path("/usr/share/libreoffice/help")
MODES = {"default": [], "raw": ["-raw"], "layout": ["-layout"]}

# Layout variants: paragraph spacing, where labels go (run in, bold, before the text, or on a
# line of their own), label case (Resumé/Summary or RESUMÉ/SUMMARY) and where the citation
# stands in the Summary (before the English sentences, as in the seed, or after them).
VARIANTS = {}
for spacing in ("spaced", "compact"):
    for labels in ("runin", "ownline"):
        for case in ("mixed", "caps"):
            for citation in ("citefirst", "citelast"):
                VARIANTS[f"{spacing}-{labels}-{case}-{citation}"] = {
                    "spacing": spacing == "spaced", "runin": labels == "runin",
                    "caps": case == "caps", "citation_last": citation == "citelast"}

KINDS = ["OVERSIGTSARTIKEL", "VIDENSKABELIG ARTIKEL", "ORIGINAL ARTIKEL", "KASUISTIK", "STATUSARTIKEL", "LEDER"]
STRUCTURED_KINDS = {"VIDENSKABELIG ARTIKEL", "ORIGINAL ARTIKEL"}
RESUME_PARTS = ["Introduktion", "Materiale og metoder", "Resultater", "Konklusion"]
SUMMARY_PARTS = ["Introduction", "Material and methods", "Results", "Conclusion"]

FIRST = ["Anne", "Birgitte", "Camilla", "Dorthe", "Eva", "Fie", "Grethe", "Hanne", "Ida", "Jette", "Karen",
         "Lone", "Mette", "Nanna", "Pernille", "Rikke", "Signe", "Tove", "Ulla", "Vibeke", "Anders", "Bo",
         "Christian", "Erik", "Frederik", "Henrik", "Jens", "Jørgen", "Kasper", "Lars", "Mikkel", "Niels",
         "Ole", "Peter", "Rasmus", "Søren", "Torben", "Ulrik", "Æsa", "Øjvind"]
SECOND = ["Erik", "Marie", "Louise", "Christian", "Kristine", "Peter", "Juul", "Fog", "Holm"]
LAST = ["Andersen", "Bang", "Christensen", "Dahl", "Frandsen", "Gregersen", "Hansen", "Iversen", "Jensen",
        "Kjær", "Lund", "Madsen", "Nielsen", "Olsen", "Pedersen", "Rasmussen", "Schmidt", "Thomsen",
        "Vestergaard", "Winther", "Ærbo", "Østergaard", "Aagaard", "Bækgaard", "Søndergaard", "Høj"]
DEPARTMENTS = ["Kardiologisk Afdeling B", "Medicinsk Afdeling M", "Ortopædkirurgisk Afdeling",
               "Klinisk Biokemisk Afdeling", "Pædiatrisk Klinik II", "Neurologisk Afdeling N",
               "Onkologisk Afdeling", "Afdeling for Almen Medicin"]
MONTHS = ["JANUAR", "FEBRUAR", "MARTS", "APRIL", "MAJ", "JUNI", "JULI", "AUGUST", "SEPTEMBER", "OKTOBER",
          "NOVEMBER", "DECEMBER"]
HOSPITALS = [("Rigshospitalet", "2100 København Ø"), ("Aarhus Universitetshospital", "8200 Aarhus N"),
             ("Odense Universitetshospital", "5000 Odense C"), ("Aalborg Sygehus", "9000 Aalborg"),
             ("Herlev Hospital", "2730 Herlev"), ("Hvidovre Hospital", "2650 Hvidovre")]


# ---------------------------------------------------------------- parallel text

def fnv1a64(text):
    h = 14695981039346656037
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


class HelpParagraphs(html.parser.HTMLParser):
    """(id, text, tag) of every element whose id starts with par_id or hd_id, its descendants'
    text collapsed as lib/train/lexicon_corpus.cpp does (a repeated id gets '#2', '#3')."""
    VOID = {"br", "img", "meta", "link", "input", "hr", "col", "area", "base", "embed", "source", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.open, self.seen = [], None, {}

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if self.open:
            self.open[2] += 1
            return
        ident = dict(attrs).get("id") or ""
        if ident.startswith(("par_id", "hd_id")):
            n = self.seen.get(ident, 0) + 1
            self.seen[ident] = n
            self.open = [ident if n == 1 else f"{ident}#{n}", [], 1, tag]

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.open:
            return
        self.open[2] -= 1
        if self.open[2] == 0:
            ident, parts, _, opened = self.open
            self.out.append((ident, " ".join("".join(parts).split()), opened))
            self.open = None

    def handle_data(self, data):
        if self.open:
            self.open[1].append(data)


def help_paragraphs(path):
    parser = HelpParagraphs()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser.out


# One sentence, nothing a reader could take for a second sentence, nothing groff or the
# segmenter would treat as markup, no dotted names (com.sun.star.util) that no journal prints.
BAD = re.compile(r"[<>\\$\[\]{}|_~^#@*=\t]|\w\.\w|\.\.|https?:|www\.|[^\x20-\x7eÀ-ÿ’‘“”–—»«]")


def one_sentence(text, capitals):
    if not (40 <= len(text) <= 260) or BAD.search(text) or not text.endswith("."):
        return False
    if not re.match(rf"[{capitals}]", text) or re.search(rf"[.!?:;]\s+[{capitals}0-9]", text[:-1]):
        return False
    if re.search(r"\b(Fig|Figur|Figure|Tabel|Table|Summary|Resumé|Korrespondance)\b", text):
        return False
    return len(text.split()) >= 6 and not re.search(r"\s[.,;:]|[,;:]\.$", text)


def heading_like(text):
    return (4 <= len(text) <= 60 and not BAD.search(text) and re.match(r"[A-ZÆØÅ][a-zæøåé]", text) is not None
            and not re.search(r"[.:;,!?]$", text) and "Fig" not in text and len(text.split()) <= 8)


def test_page(h):
    return h % 10 == 0 and (h // 10) % 2 == 0


def body_page(h):
    # Body text is Danish only and takes no part in the Resumé/Summary alignment: the other
    # held-out half and one tenth of the training pages give enough of it.
    return (h % 10 == 0 and (h // 10) % 2 == 1) or h % 10 == 1


def load_pages(help_root, select):
    """Pages whose path hash `select` accepts: [(relative path, [(kind, da, en)])], kind 'unit'
    (one sentence in both languages), 'body' (one Danish sentence) or 'heading' (da and en)."""
    da_root, en_root = help_root / "da", help_root / "en-US"
    relatives = sorted(str(p.relative_to(da_root)) for p in (da_root / "text").rglob("*.html"))
    pages = []
    for rel in relatives:
        h = fnv1a64(rel)
        if not select(h) or not (en_root / rel).exists():
            continue
        english = {i: t for i, t, _ in help_paragraphs(en_root / rel)}
        items, seen = [], set()
        for ident, da, tag in help_paragraphs(da_root / rel):
            en = english.get(ident, "")
            if not da or da in seen:
                continue
            seen.add(da)
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and en and en != da and heading_like(da) and heading_like(en):
                items.append(("heading", da, en))
            elif one_sentence(da, "A-ZÆØÅ"):
                if en and en != da and one_sentence(en, "A-Z"):
                    items.append(("unit", da, en))
                else:
                    items.append(("body", da, None))
        pages.append((rel, items))
    return pages


# ---------------------------------------------------------------- articles

def other_source_pages(source, select):
    """Pages of gimp-help or debian-edu-doc (da/en), read and paired as the claim-support dev set
    reads them (bench/devset/make_articles.py), in the item form of load_pages. `select` takes
    the page path's hash."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("make_articles", Path(__file__).resolve().parents[2] / "bench/devset/make_articles.py")
    articles = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(articles)
    pages = []
    for page in articles.load_pages(source, "all"):
        if not select(fnv1a64(page.path)):
            continue
        items, seen = [], set()
        for kind, da, en in page.units:
            if kind == "hd":  # the manuals number their headings ("12.5. Om", "Del II. Hvordan ...")
                da, en = (re.sub(r"^(\w+ )?[0-9IVXL]+(\.[0-9]+)*\.? ", "", t) for t in (da, en))
            if da in seen:
                continue
            seen.add(da)
            if kind == "hd" and en != da and heading_like(da) and heading_like(en):
                items.append(("heading", da, en))
            elif kind == "par" and one_sentence(da, "A-ZÆØÅ"):
                if en != da and one_sentence(en, "A-Z"):
                    items.append(("unit", da, en))
                else:
                    items.append(("body", da, None))
        pages.append((page.path, items))
    return pages


def lower_first(text):
    # "Klik" -> "klik", but not "LibreOffice", "BASIC", "Writer"-like names with inner capitals.
    word = text.split()[0]
    if len(word) > 1 and word[1:].islower() and word[0].isupper():
        return text[0].lower() + text[1:]
    return text


def merge(first, second, conjunction):
    return first[:-1] + f", {conjunction} " + lower_first(second)


def author_name(rng):
    first = rng.choice(FIRST)
    if rng.random() < 0.2:
        first += " " + rng.choice(SECOND)
    elif rng.random() < 0.2:
        first += " " + rng.choice("ABCDEFGHJKLMNOPRST") + "."
    last = rng.choice(LAST)
    if rng.random() < 0.25:
        last += "-" + rng.choice([n for n in LAST if n != last])
    return f"{first} {last}"


class Pool:
    """The parallel text, consumed in page order; every sentence is used once."""

    def __init__(self, pages, rng):
        self.pages = pages[:]
        rng.shuffle(self.pages)
        self.items = [list(items) for _, items in self.pages]
        self.page = 0

    def next_page(self):
        self.page = (self.page + 1) % len(self.pages)

    def take(self, kind, count):
        # Body sentences may also come from the Danish side of a parallel unit.
        kinds = ("body", "unit") if kind == "body" else (kind,)
        out = []
        tried = 0
        while len(out) < count and tried <= len(self.pages):
            items = self.items[self.page]
            for i, item in enumerate(items):
                if item and item[0] in kinds:
                    out.append(item)
                    items[i] = None
                    if len(out) == count:
                        break
            if len(out) < count:
                self.next_page()
                tried += 1
        if len(out) < count:
            raise SystemExit(f"make_corpus: the parallel text ran out of '{kind}' items")
        return out


def make_beads(units, rng, allow_changes=True):
    """Danish and English sentence lists from (da, en) units, with merges and omissions, and the
    beads ({'da': [...], 'en': [...]}) that relate them."""
    da, en, beads = [], [], []
    k = 0
    while k < len(units):
        u = rng.random() if allow_changes else 1.0
        has_next = k + 1 < len(units)
        if u < 0.08 and len(units) >= 3:  # Danish sentence not translated
            beads.append({"da": [len(da)], "en": []})
            da.append(units[k][1])
        elif u < 0.14 and len(units) >= 3:  # English sentence with no Danish counterpart
            beads.append({"da": [], "en": [len(en)]})
            en.append(units[k][2])
        elif u < 0.26 and has_next:  # two Danish sentences, one English
            beads.append({"da": [len(da), len(da) + 1], "en": [len(en)]})
            da += [units[k][1], units[k + 1][1]]
            en.append(merge(units[k][2], units[k + 1][2], "and"))
            k += 1
        elif u < 0.38 and has_next:  # one Danish sentence, two English
            beads.append({"da": [len(da)], "en": [len(en), len(en) + 1]})
            da.append(merge(units[k][1], units[k + 1][1], "og"))
            en += [units[k][2], units[k + 1][2]]
            k += 1
        else:
            beads.append({"da": [len(da)], "en": [len(en)]})
            da.append(units[k][1])
            en.append(units[k][2])
        k += 1
    return da, en, beads


def abbreviated(first, last):
    """The last page as journals shorten it: the digits from the first that differs (4852-5, 406-10)."""
    a, b = str(first), str(last)
    if len(a) != len(b):
        return b
    k = next(i for i in range(len(a)) if a[i] != b[i])
    return b[k:]


def make_article(pool, body, rng, kind, with_summary, year, volume, first_page):
    heading_items = pool.take("heading", 1)
    title_da, title_en = heading_items[0][1], heading_items[0][2]
    subtitle = None
    if rng.random() < 0.3:
        subtitle = pool.take("heading", 1)[0][1]
    authors = [author_name(rng) for _ in range(1 if kind == "LEDER" else rng.randint(1, 5))]
    article = {"title": title_da, "subtitle": subtitle, "kind": kind, "authors": authors,
               "truncated_start": False, "truncated_end": False, "resume": [], "resume_parts": [],
               "sections": [], "figures": [], "summary": None, "correspondence": None, "resume_summary": []}
    structured = kind in STRUCTURED_KINDS
    has_resume = kind != "LEDER"
    if has_resume:
        n = {"KASUISTIK": rng.randint(2, 3)}.get(kind, rng.randint(4, 7))
        if structured:
            n = rng.randint(6, 8)
        units = pool.take("unit", n)
        if structured:
            # Four parts; the beads never cross a part boundary.
            cuts = sorted(rng.sample(range(1, n), 3))
            groups = [units[a:b] for a, b in zip([0] + cuts, cuts + [n])]
        else:
            groups = [units]
        da_all, en_all, beads_all, en_parts = [], [], [], []
        for g, group in enumerate(groups):
            da, en, beads = make_beads(group, rng)
            if not da or not en:  # omissions emptied a side (rare): keep this part one-to-one
                da, en, beads = make_beads(group, rng, allow_changes=False)
            for bead in beads:
                beads_all.append({"da": [i + len(da_all) for i in bead["da"]], "en": [i + len(en_all) for i in bead["en"]]})
            if structured:
                article["resume_parts"].append({"label": RESUME_PARTS[g], "first": len(da_all), "count": len(da)})
                en_parts.append({"label": SUMMARY_PARTS[g], "first": len(en_all), "count": len(en)})
            da_all += da
            en_all += en
        article["resume"] = da_all
        if with_summary:
            article["resume_summary"] = beads_all
            last = first_page + rng.randint(2, 5)
            pages = f"{first_page}-{last}" if rng.random() < 0.5 else f"{first_page}-{abbreviated(first_page, last)}"
            article["summary"] = {"authors": authors, "title": title_en + ".", "parts": en_parts,
                                  "citation": {"journal": "Ugeskr Læger", "year": year, "volume": volume, "pages": pages},
                                  "sentences": en_all}
    # Body: a section without a heading, then headed sections; paragraphs of 1-4 sentences.
    sections = []
    n_sections = rng.randint(1, 2) if kind in ("LEDER", "KASUISTIK") else rng.randint(2, 4)
    for s in range(n_sections + 1):
        heading = None if s == 0 else body.take("heading", 1)[0][1]
        if kind == "LEDER" and s > 0 and rng.random() < 0.5:
            heading = None
        paragraphs = [[t for _, t, _ in body.take("body", rng.randint(1, 4))] for _ in range(rng.randint(1, 3))]
        if heading is None and sections:
            sections[-1]["paragraphs"] += paragraphs
        else:
            sections.append({"heading": heading, "paragraphs": paragraphs})
    if kind != "LEDER" and rng.random() < 0.35:
        caption = body.take("body", 1)[0][1]
        where = rng.randrange(len(sections))
        article["figures"].append({"label": "Fig. 1", "caption": caption, "section": where})
    for section in sections:
        article["sections"].append({"heading": section["heading"], "paragraphs": section["paragraphs"],
                                    "sentences": [t for p in section["paragraphs"] for t in p]})
    if rng.random() < 0.8:
        dept = rng.choice(DEPARTMENTS)
        hospital, town = rng.choice(HOSPITALS)
        name = authors[0].split()
        mail = (name[0][0] + name[-1][0]).lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
        article["correspondence"] = f"{authors[0]}, {dept}, {hospital}, DK-{town}. E-mail: {mail}@dadlnet.dk"
    return article


def seed_article(source_dir):
    """The seed's complete article, from the hand-written gold."""
    structure = json.loads((source_dir / "corpus/gold/ugeskr-2003-165-stamceller.structure.json").read_text("utf-8"))
    alignment = json.loads((source_dir / "corpus/gold/ugeskr-2003-165-stamceller.alignment.json").read_text("utf-8"))
    g = next(a for a in structure["articles"] if a["title"] and a["summary"])
    beads = next(a for a in alignment["articles"] if a["summary_title"] == g["summary"]["title"])["resume_summary"]
    sections = []
    for s in g["sections"]:
        sentences = s["sentences"]
        paragraphs = [sentences[i:i + 4] for i in range(0, len(sentences), 4)]
        sections.append({"heading": s["heading"], "paragraphs": paragraphs, "sentences": sentences})
    figures = [{"label": f["label"], "caption": f["caption"], "section": min(3, len(sections) - 1)} for f in g["figures"]]
    summary = dict(g["summary"])
    summary["parts"] = []
    return {"title": g["title"], "subtitle": g["subtitle"], "kind": g["kind"], "authors": g["authors"],
            "truncated_start": False, "truncated_end": False, "resume": g["resume"], "resume_parts": [],
            "sections": sections, "figures": figures, "summary": summary, "correspondence": g["correspondence"],
            "resume_summary": [{"da": b["da"], "en": b["en"]} for b in beads], "from_seed": True}


def make_documents(pages, body_pages, source_dir, seed, n_articles):
    rng = random.Random(seed)
    pool = Pool(pages, rng)
    body = Pool(body_pages, rng)
    articles = [seed_article(source_dir)]
    kinds = [KINDS[i % len(KINDS)] for i in range(n_articles)]
    rng.shuffle(kinds)
    # Some articles without a Summary that are not LEDER (missing_summary mid-file).
    no_summary = set(rng.sample([i for i, k in enumerate(kinds) if k != "LEDER"], 3))
    year = rng.randint(1999, 2012)
    page = rng.randint(100, 4000)
    documents = []
    per_document = 6
    for i, kind in enumerate(kinds):
        pool.next_page()
        body.next_page()
        articles.append(make_article(pool, body, rng, kind, kind != "LEDER" and i not in no_summary, year, year - 1838, page))
        page += rng.randint(3, 6)
    # As in the seed, the first file begins inside an article (its last paragraphs, Summary and
    # correspondence: no title, no Resumé) and the last file ends inside one (title to the
    # first body paragraphs: no Summary).
    pool.next_page()
    body.next_page()
    tail = make_article(pool, body, rng, "OVERSIGTSARTIKEL", True, year, year - 1838, page - 200)
    last = tail["sections"][-1]
    tail.update({"title": None, "subtitle": None, "kind": None, "authors": [], "truncated_start": True, "resume": [],
                 "resume_parts": [], "figures": [], "resume_summary": [],
                 "sections": [{"heading": None, "paragraphs": last["paragraphs"][-2:],
                               "sentences": [t for p in last["paragraphs"][-2:] for t in p]}]})
    pool.next_page()
    body.next_page()
    head = make_article(pool, body, rng, "STATUSARTIKEL", False, year, year - 1838, page)
    head["sections"] = head["sections"][:2]
    head["sections"][-1]["paragraphs"] = head["sections"][-1]["paragraphs"][:1]
    head["sections"][-1]["sentences"] = head["sections"][-1]["paragraphs"][0]
    head.update({"truncated_end": True, "figures": [], "correspondence": None})
    articles = [tail] + articles + [head]
    for d in range(0, len(articles), per_document):
        chunk = articles[d:d + per_document]
        if len(chunk) < 3 and documents:
            documents[-1]["articles"] += chunk
        else:
            documents.append({"name": f"doc{len(documents):02d}", "year": year, "volume": year - 1838,
                              "issue": rng.randint(1, 52), "date": f"{rng.randint(1, 28)}. {rng.choice(MONTHS)}", "first_page": page, "articles": chunk})
    for document in documents:
        # Citation form: long (2003;165: 4850-4852) or short (2003;165:4852-5.), per article.
        for article in document["articles"]:
            article["citation_short"] = rng.random() < 0.5
            article["figure_float"] = rng.random() < 0.5
    return documents


# ---------------------------------------------------------------- groff

def esc(text):
    """Text for a groff input line: backslashes escaped, ASCII quotes kept ASCII (groff would
    print ' as a typographic apostrophe), a leading dot or quote neutralised."""
    text = text.replace("\\", "\\e").replace("'", "\\[aq]").replace("`", "\\[ga]")
    return "\\&" + text


def label(text, variant):
    return text.upper() if variant["caps"] else text


def part_paragraphs(sentences, parts, variant, out):
    for part in parts:
        body = " ".join(sentences[part["first"]:part["first"] + part["count"]])
        out.append(".LP")
        if variant["runin"]:
            out.append(f"\\f[B]{esc(part['label'])}:\\f[R] " + esc(body)[2:])
        else:
            out.append(f"\\f[B]{esc(part['label'])}\\f[R]")
            out.append(".br")
            out.append(esc(body))


def citation_text(article):
    c = article["summary"]["citation"]
    if article.get("citation_short"):
        return f"{c['journal']} {c['year']};{c['volume']}:{c['pages']}."
    return f"{c['journal']} {c['year']};{c['volume']}: {c['pages']}"


# Page geometry: type size / line spacing (points), line length of the two columns together,
# column gap. `journal` is the corpus's own; the others are for held-out corpora.
GEOMETRIES = {"journal": (9, 11, "6.6i", None), "wide": (10, 12.5, "7.2i", "0.3i"),
              "narrow": (8, 9.5, "5.6i", "0.2i")}


def typeset(document, variant, geometry="journal"):
    size, spacing, length, gap = GEOMETRIES[geometry]
    out = [".\\\" generated by tests/typeset/make_corpus.py",
           f".nr PS {size}", f".nr VS {spacing}", f".nr LL {length}", ".nr PO 0.9i", ".nr FM 0.8i", ".nr HM 0.8i",
           f".nr PD {'0.6v' if variant['spacing'] else '0'}",
           f".nr PI {'0' if variant['spacing'] else '1m'}",
           f".ds LH UGESKR LÆGER {document['volume']}/{document['issue']} · {document['date']} {document['year']}",
           ".ds CH", ".ds RH %", ".ds CF", ".pn " + str(document["first_page"]),
           *([f".nr GW {gap}"] if gap else []), ".2C"]
    para = ".PP" if not variant["spacing"] else ".LP"
    for number, article in enumerate(document["articles"]):
        if article["title"] is None:  # the file begins inside this article
            out += [".hy", ".ad b"]
        else:
            out += ([".sp 1.5"] if number else []) + [".ne 6", ".LP", ".ad l", ".nh", ".ps 14", ".vs 16",
                    "\\f[B]" + esc(article["title"]) + "\\f[R]"]
            if article["subtitle"]:
                out += [".br", ".ps 11", ".vs 13", esc(article["subtitle"])]
            out += [".ps", ".vs", f".ps {size}", f".vs {spacing}", ".sp 0.6"]
            authors = article["authors"]
            byline = ", ".join(authors[:-1]) + " & " + authors[-1] if len(authors) > 1 else authors[0]
            if variant["runin"]:
                out.append(f"\\f[B]{esc(article['kind'])}\\f[R] " + esc(byline)[2:])
            else:
                out += [f"\\f[B]{esc(article['kind'])}\\f[R]", ".br", esc(byline)]
            out += [".hy", ".ad b"]
        if article["resume"]:
            out.append(".LP")
            if article["resume_parts"]:
                out += [f"\\f[B]{esc(label('Resumé', variant))}\\f[R]"]
                part_paragraphs(article["resume"], article["resume_parts"], variant, out)
            elif variant["runin"]:
                out.append(f"\\f[B]{esc(label('Resumé', variant))}\\f[R] " + esc(" ".join(article["resume"]))[2:])
            else:
                out += [f"\\f[B]{esc(label('Resumé', variant))}\\f[R]", ".br", esc(" ".join(article["resume"]))]
        figures = {f["section"]: f for f in article["figures"]}
        for s, section in enumerate(article["sections"]):
            if section["heading"]:
                out += [".SH", esc(section["heading"])]
            for p, paragraph in enumerate(section["paragraphs"]):
                out += [".LP" if section["heading"] and p == 0 else para, esc(" ".join(paragraph))]
                if s in figures and p == 0:
                    fig = figures[s]
                    block = [".LP", f".ps {size - 1}", f".vs {spacing - 1}", f"\\f[B]{esc(fig['label'])}.\\f[R] " + esc(fig["caption"])[2:],
                             f".ps {size}", f".vs {spacing}"]
                    out += ([".KF"] + block + [".KE"]) if article.get("figure_float") else block
        if article["summary"]:
            summary = article["summary"]
            byline_en = ", ".join(summary["authors"][:-1]) + " & " + summary["authors"][-1] \
                if len(summary["authors"]) > 1 else summary["authors"][0]
            head = [f"\\f[B]{esc(label('Summary', variant))}\\f[R]", f"\\f[I]{esc(byline_en)}:\\f[R]",
                    f"\\f[B]{esc(summary['title'])}\\f[R]"]
            if not variant["citation_last"]:
                head.append(esc(citation_text(article)))
            out.append(".LP")
            if variant["runin"]:
                out.append(" ".join(h if i == 0 else h.replace("\\&", "") for i, h in enumerate(head)))
            else:
                for i, h in enumerate(head):
                    out += ([".br"] if i else []) + [h]
            if summary["parts"]:
                part_paragraphs(summary["sentences"], summary["parts"], variant, out)
            elif variant["runin"]:
                out.append(esc(" ".join(summary["sentences"])))
            else:
                out += [".br", esc(" ".join(summary["sentences"]))]
            if variant["citation_last"]:
                out += [".br", esc(citation_text(article))]
        if article["correspondence"]:
            out += [".LP", "\\f[I]Korrespondance:\\f[R] " + esc(article["correspondence"])[2:]]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- LaTeX

def tex(text):
    """Text for LaTeX: its special characters escaped, and the T1 ligatures that would turn two
    ASCII characters into one other glyph (-- into a dash, ,, into a low quote) broken up; ASCII
    quotes stay ASCII (LaTeX would print ' and ` as typographic quotes)."""
    out = []
    for i, c in enumerate(text):
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if c in "&%#$_{}":
            out.append("\\" + c)
        elif c == "'":
            out.append("\\textquotesingle{}")
        elif c == "`":
            out.append("\\textasciigrave{}")
        elif c == '"':
            out.append("\\textquotedbl{}")
        elif c in "-,<>!?" and nxt == (c if c in "-,<>" else "`"):
            out.append(c + "{}")
        else:
            out.append(c)
    return "".join(out)


def tex_parts(sentences, parts, variant, out):
    for part in parts:
        body = tex(" ".join(sentences[part["first"]:part["first"] + part["count"]]))
        if variant["runin"]:
            out.append(f"\\noindent\\textbf{{{tex(part['label'])}:}} {body}\\par")
        else:
            out.append(f"\\noindent\\textbf{{{tex(part['label'])}}}\\\\\n{body}\\par")


def typeset_latex(document, variant, geometry="journal"):
    """The same document as typeset() for pdflatex: the article class in two columns, Times
    from psnfss (ligatures, other metrics), Danish hyphenation patterns, a running head with
    the page number from the class's own page style, \\subsection* headings and figures as
    floats or in place. What a journal typeset with TeX gives pdftotext and the PDF path."""
    size, spacing, length, gap = GEOMETRIES[geometry]
    out = ["% generated by tests/typeset/make_corpus.py",
           "\\documentclass[10pt,twocolumn]{article}",
           "\\usepackage[T1]{fontenc}", "\\usepackage[utf8]{inputenc}", "\\usepackage{mathptmx}",
           "\\usepackage[danish,shorthands=off]{babel}",
           # Greek letters of medical text (β-celler) from the math fonts, as a journal sets them.
           *[f"\\DeclareUnicodeCharacter{{{ord(g):04X}}}{{\\ensuremath{{\\{name}}}}}"
             for g, name in zip("αβγδκμ", ["alpha", "beta", "gamma", "delta", "kappa", "mu"])],
           f"\\setlength{{\\textwidth}}{{{length[:-1]}in}}", "\\setlength{\\textheight}{9in}",
           f"\\setlength{{\\oddsidemargin}}{{\\dimexpr(8.5in-\\textwidth)/2-1in\\relax}}",
           "\\setlength{\\topmargin}{-0.3in}",
           f"\\setlength{{\\columnsep}}{{{gap[:-1] if gap else '0.25'}in}}",
           "\\setlength{\\parskip}{" + ("0.6\\baselineskip" if variant["spacing"] else "0pt") + "}",
           f"\\setlength{{\\parindent}}{{{'0pt' if variant['spacing'] else '1em'}}}",
           "\\pagestyle{myheadings}",
           f"\\markright{{UGESKR LÆGER {document['volume']}/{document['issue']} · {tex(document['date'])} {document['year']}}}",
           "\\begin{document}", f"\\setcounter{{page}}{{{document['first_page']}}}",
           f"\\fontsize{{{size}}}{{{spacing}}}\\selectfont"]
    for number, article in enumerate(document["articles"]):
        if article["title"] is not None:
            if number:
                out.append("\\vspace{1.5\\baselineskip}")
            out.append(f"{{\\raggedright\\hyphenpenalty=10000\\fontsize{{14}}{{16}}\\selectfont\\bfseries {tex(article['title'])}\\par}}")
            if article["subtitle"]:
                out.append(f"{{\\raggedright\\hyphenpenalty=10000\\fontsize{{11}}{{13}}\\selectfont {tex(article['subtitle'])}\\par}}")
            out.append("\\vspace{0.6\\baselineskip}")
            authors = article["authors"]
            byline = tex(", ".join(authors[:-1]) + " & " + authors[-1] if len(authors) > 1 else authors[0])
            sep = " " if variant["runin"] else "\\\\\n"
            out.append(f"{{\\raggedright\\noindent\\textbf{{{tex(article['kind'])}}}{sep}{byline}\\par}}")
        if article["resume"]:
            resume_label = f"\\textbf{{{tex(label('Resumé', variant))}}}"
            if article["resume_parts"]:
                out.append(f"\\noindent{resume_label}\\par")
                tex_parts(article["resume"], article["resume_parts"], variant, out)
            else:
                sep = " " if variant["runin"] else "\\\\\n"
                out.append(f"\\noindent{resume_label}{sep}{tex(' '.join(article['resume']))}\\par")
        figures = {f["section"]: f for f in article["figures"]}
        for s, section in enumerate(article["sections"]):
            if section["heading"]:
                out.append(f"\\subsection*{{{tex(section['heading'])}}}")
            for p, paragraph in enumerate(section["paragraphs"]):
                out.append(("\\noindent " if section["heading"] and p == 0 else "") + tex(" ".join(paragraph)) + "\\par")
                if s in figures and p == 0:
                    fig = figures[s]
                    block = f"{{\\small\\noindent\\textbf{{{tex(fig['label'])}.}} {tex(fig['caption'])}\\par}}"
                    out.append(f"\\begin{{figure}}[t]{block}\\end{{figure}}" if article.get("figure_float") else block)
        if article["summary"]:
            summary = article["summary"]
            byline_en = tex(", ".join(summary["authors"][:-1]) + " & " + summary["authors"][-1]
                            if len(summary["authors"]) > 1 else summary["authors"][0])
            head = [f"\\textbf{{{tex(label('Summary', variant))}}}", f"\\textit{{{byline_en}:}}",
                    f"\\textbf{{{tex(summary['title'])}}}"]
            if not variant["citation_last"]:
                head.append(tex(citation_text(article)))
            sep = " " if variant["runin"] else "\\\\\n"
            text = sep.join(head)
            if summary["parts"]:
                out.append(f"\\noindent {text}\\par")
                tex_parts(summary["sentences"], summary["parts"], variant, out)
            else:
                out.append(f"\\noindent {text}{sep}{tex(' '.join(summary['sentences']))}\\par")
            if variant["citation_last"]:
                out.append(f"\\noindent {tex(citation_text(article))}\\par")
        if article["correspondence"]:
            out.append(f"\\noindent\\textit{{Korrespondance:}} {tex(article['correspondence'])}\\par")
    out.append("\\end{document}")
    return "\n".join(out) + "\n"


def gold_of(document, generator):
    articles = []
    for a in document["articles"]:
        summary = None
        if a["summary"]:
            s = a["summary"]
            summary = {"authors": s["authors"], "title": s["title"], "citation": s["citation"],
                       "sentences": s["sentences"], "parts": s["parts"]}
        articles.append({
            "title": a["title"], "subtitle": a["subtitle"], "kind": a["kind"], "authors": a["authors"],
            "truncated_start": a["truncated_start"], "truncated_end": a["truncated_end"],
            "resume": a["resume"], "resume_parts": a["resume_parts"],
            "sections": [{"heading": s["heading"], "sentences": s["sentences"]} for s in a["sections"]],
            "figures": [{"label": f["label"], "caption": f["caption"]} for f in a["figures"]],
            "summary": summary, "correspondence": a["correspondence"],
            "resume_summary": a["resume_summary"], "from_seed": a.get("from_seed", False)})
    return {"document": document["name"], "generator": generator, "articles": articles}


def letters(text):
    return "".join(c for c in text if c.isalnum())


def check_extraction(gold, text, where):
    """-raw keeps groff's order: every gold text must be there, in order, once running heads
    and page numbers are taken out (floating figure captions are checked anywhere). Catches
    a glyph the fonts dropped or a gold that says something the page does not."""
    text = re.sub(r"(?m)^(UGESKR LÆGER .*|\d+)$", "", text.replace("\f", "\n"))
    flat = letters(text)
    # A caption floats to wherever its page put it, also into a sentence broken by the page
    # end: each is looked for anywhere, then taken out (with its label) before the order check.
    for a in gold["articles"]:
        for figure in a["figures"]:
            caption = letters(figure["caption"])
            if caption not in flat:
                raise SystemExit(f"make_corpus: {where}: caption not found: {figure['caption']!r}")
            labelled = letters(figure["label"]) + caption
            flat = flat.replace(labelled, "", 1) if labelled in flat else flat.replace(caption, "", 1)
    at = 0
    for a in gold["articles"]:
        ordered = [a["title"] or "", a["subtitle"] or "", a["kind"] or "", *a["authors"], *a["resume"]]
        for section in a["sections"]:
            ordered += [section["heading"] or "", *section["sentences"]]
        if a["summary"]:
            ordered += [a["summary"]["title"], *a["summary"]["sentences"]]
        ordered.append(a["correspondence"] or "")
        for item in ordered:
            found = flat.find(letters(item), at)
            if found < 0:
                raise SystemExit(f"make_corpus: {where}: gold text not found in order: {item!r}")
            at = found + len(letters(item))


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, **kwargs)
    if result.returncode != 0:
        raise SystemExit(f"make_corpus: {' '.join(map(str, command))} failed: {result.stderr.decode(errors='replace')[:500]}")
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--articles", type=int, default=36, help="generated articles (the seed's comes on top)")
    ap.add_argument("--variants", default="all", help="comma-separated variant names, or 'all'")
    ap.add_argument("--if-stale", action="store_true",
                    help="do nothing when DIR holds a complete corpus made by this generator from the same inputs")
    ap.add_argument("--jobs", type=int, default=2, help="groff/pdftotext processes at once")
    ap.add_argument("--help-root", type=Path, default=HELP_ROOT)
    ap.add_argument("--text", choices=["libreoffice", "gimp", "debian-edu"], default="libreoffice",
                    help="parallel text: LibreOffice help (held-out pages), or all of gimp-help / debian-edu-doc "
                         "(for a held-out corpus)")
    ap.add_argument("--geometry", choices=list(GEOMETRIES), default="journal",
                    help="type size, line spacing and column widths (for a held-out corpus)")
    ap.add_argument("--typesetter", choices=["groff", "latex"], default="groff",
                    help="groff -ms, or pdflatex (other fonts, ligatures, Danish hyphenation; for a held-out corpus)")
    ap.add_argument("--source-dir", type=Path, default=Path(__file__).resolve().parents[2])
    args = ap.parse_args()

    for tool in ("groff" if args.typesetter == "groff" else "pdflatex", "pdftotext"):
        if not shutil.which(tool):
            raise SystemExit(f"make_corpus: {tool} not found (scripts/deps.sh installs groff and poppler-utils; "
                             "pdflatex comes with texlive-latex-base, texlive-lang-european and texlive-fonts-recommended)")
    if not (args.help_root / "da").is_dir() or not (args.help_root / "en-US").is_dir():
        raise SystemExit(f"make_corpus: no LibreOffice help under {args.help_root} (libreoffice-help-da, libreoffice-help-en-us)")
    names = list(VARIANTS) if args.variants == "all" else args.variants.split(",")
    for name in names:
        if name not in VARIANTS:
            raise SystemExit(f"make_corpus: unknown variant '{name}' (known: {', '.join(VARIANTS)})")

    # What the corpus depends on: this file, the seed's gold, the arguments, the help pages.
    key = hashlib.sha256()
    for path in [Path(__file__), *sorted((args.source_dir / "corpus/gold").glob("*.json"))]:
        key.update(path.read_bytes())
    key.update(repr((args.seed, args.articles, names, str(args.help_root), args.text, args.geometry, args.typesetter)).encode())
    for tool in ([args.typesetter if args.typesetter == "groff" else "pdflatex", "--version"], ["pdftotext", "-v"]):  # their output is part of the corpus
        version = subprocess.run(tool, capture_output=True)
        key.update((version.stdout + version.stderr).splitlines()[0] if (version.stdout + version.stderr) else b"")
    for lang in ("da", "en-US"):
        key.update(str(sorted(p.stat().st_mtime_ns for p in (args.help_root / lang / "text").rglob("*.html"))[-1:]).encode())
    inputs = key.hexdigest()
    manifest_path = args.out / "manifest.json"
    if args.if_stale and manifest_path.exists():
        try:
            if json.loads(manifest_path.read_text("utf-8")).get("inputs") == inputs:
                print(f"make_corpus: {args.out} is up to date")
                return
        except ValueError:
            pass
    if manifest_path.exists():
        manifest_path.unlink()  # written last: its absence marks an incomplete corpus

    if args.text == "libreoffice":
        pages, body_pages = load_pages(args.help_root, test_page), load_pages(args.help_root, body_page)
    else:
        # The manuals have too few headings for every section: their pages give the titles,
        # Resumés and Summaries; the Danish-only body comes from the LibreOffice help as above.
        pages, body_pages = other_source_pages(args.text, lambda h: True), load_pages(args.help_root, body_page)
    documents = make_documents(pages, body_pages, args.source_dir, args.seed, args.articles)
    out = args.out
    (out / "gold").mkdir(parents=True, exist_ok=True)
    golds = {}
    for document in documents:
        gold = golds[document["name"]] = gold_of(document, "tests/typeset/make_corpus.py")
        (out / "gold" / f"{document['name']}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8")
    env = dict(os.environ, LC_ALL="C.UTF-8")

    def build(name, document):
        folder = out / name
        pdf = folder / f"{document['name']}.pdf"
        if args.typesetter == "latex":
            source = folder / f"{document['name']}.tex"
            source.write_text(typeset_latex(document, VARIANTS[name], args.geometry), "utf-8")
            result = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-output-directory",
                                     str(folder), str(source)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
            log = source.with_suffix(".log")
            messages = log.read_text("utf-8", errors="replace") if log.exists() else ""
            for extra in (".log", ".aux"):
                source.with_suffix(extra).unlink(missing_ok=True)
            # A glyph the fonts lack is dropped with only a log line: that would make the gold wrong.
            if result.returncode != 0 or "Missing character" in messages:
                raise SystemExit(f"make_corpus: pdflatex failed on {source}: {result.stdout.decode(errors='replace')[-800:]}")
        else:
            ms = folder / f"{document['name']}.ms"
            ms.write_text(typeset(document, VARIANTS[name], args.geometry), "utf-8")
            with open(pdf, "wb") as sink:
                result = subprocess.run(["groff", "-k", "-ms", "-Tpdf", "-ww", str(ms)], stdout=sink, stderr=subprocess.PIPE, env=env)
            # A glyph the fonts lack is dropped with only a warning: that would make the gold wrong.
            if result.returncode != 0 or b"can't find" in result.stderr:
                raise SystemExit(f"make_corpus: groff failed on {ms}: {result.stderr.decode(errors='replace')[:500]}")
        for mode, flags in MODES.items():
            run(["pdftotext", "-enc", "UTF-8", *flags, str(pdf), str(folder / f"{document['name']}.{mode}.txt")], env=env)
        check_extraction(golds[document["name"]], (folder / f"{document['name']}.raw.txt").read_text("utf-8"),
                         folder / f"{document['name']}.raw.txt")

    for name in names:
        (out / name).mkdir(parents=True, exist_ok=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for job in [pool.submit(build, name, document) for name in names for document in documents]:
            job.result()
    manifest = {"inputs": inputs, "seed": args.seed, "text": args.text, "geometry": args.geometry, "typesetter": args.typesetter, "variants": {n: VARIANTS[n] for n in names}, "modes": list(MODES),
                "documents": [d["name"] for d in documents],
                "articles": sum(len(d["articles"]) for d in documents)}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    print(f"make_corpus: {manifest['articles']} articles in {len(documents)} documents, "
          f"{len(names)} variants x {len(MODES)} modes -> {out}")


if __name__ == "__main__":
    main()

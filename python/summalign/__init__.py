"""Align Danish journal articles with their English Summaries (Python binding of libsummalign).

Build an :class:`Aligner` once (it loads the dictionaries, ~0.3 s) and share it, also between
threads: every call releases the GIL while the C++ library works.

    >>> import summalign
    >>> aligner = summalign.Aligner()
    >>> document = aligner.align(pathlib.Path("article.txt"))   # or aligner.align(text)
    >>> for article in document.articles:
    ...     print(article.title, len(article.alignment.resume_summary))
    >>> document.to_json() == open("aligned.json").read()    # what `summalign align` prints

The objects carry the keys of the JSON output (docs/schema.md) as attributes; offsets are
byte offsets into the UTF-8 input, as in the JSON.
"""

from __future__ import annotations

import json
import os
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Union

from . import _summalign
from ._error import Error

__all__ = [
    "Aligner", "Document", "Article", "Record", "Sentence", "Section", "Figure", "EndNote", "Summary", "Citation",
    "Alignment", "TitlePair", "Bead", "Support", "Evidence", "Match", "Finding", "Repair", "MinedPair",
    "Error", "segment",
]


class Record:
    """A JSON object of summalign's output with its keys as attributes (docs/schema.md).

    ``record.key`` and ``record["key"]`` give the value; nested objects are records too.
    ``to_dict()`` gives the plain JSON value.
    """

    __slots__ = ("_data",)
    # Which record class the objects under a key are (the others are plain JSON values).
    _children: Dict[str, type] = {}

    def __init__(self, data: Dict[str, Any]) -> None:
        self._data = data

    def _wrap(self, key: str, value: Any) -> Any:
        kind = self._children.get(key)
        if kind is None or value is None:
            return value
        if isinstance(value, list):
            return [kind(item) for item in value]
        return kind(value)

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):  # not a JSON key; also keeps copy/pickle of a bare instance from recursing
            raise AttributeError(key)
        try:
            value = self._data[key]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no key {key!r}") from None
        return self._wrap(key, value)

    def __getitem__(self, key: str) -> Any:
        return self._wrap(key, self._data[key])

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def keys(self) -> List[str]:
        """The JSON keys, in the output's order."""
        return list(self._data.keys())

    def to_dict(self) -> Dict[str, Any]:
        """The plain JSON object (shared, not copied: do not modify it)."""
        return self._data

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._data == self._data  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # mutable JSON underneath

    def __getstate__(self) -> Dict[str, Any]:
        return {"_data": self._data}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self._data = state["_data"]

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self._data.items() if not isinstance(v, (list, dict)))
        return f"{type(self).__name__}({shown})"


class Sentence(Record):
    """``text`` (repaired), ``start``, ``end`` (source byte span)."""


class Section(Record):
    """``heading`` (or None), ``heading_start``, ``heading_end``, ``sentences``."""
    _children = {"sentences": Sentence}


class Figure(Record):
    """``label``, ``caption``, ``caption_start``, ``caption_end``."""


class EndNote(Record):
    """A labelled line of the article's end matter: ``label``, ``text``, ``start``, ``end``."""


class Citation(Record):
    """``journal``, ``year``, ``volume``, ``pages``, ``text``."""


class Summary(Record):
    """The English Summary: ``authors``, ``title``, ``citation``, ``sentences``, ``start``, ``end``."""
    _children = {"citation": Citation, "sentences": Sentence}


class Match(Record):
    """Why a Danish word was linked to an English word: ``da``, ``en``, ``kind``, ``weight``."""


class TitlePair(Record):
    """``da``, ``en``, ``score``, ``matches``."""
    _children = {"matches": Match}


class Bead(Record):
    """``da`` and ``en`` (sentence indices), ``score``, ``da_text``, ``en_text``, ``matches``."""
    _children = {"matches": Match}


class Evidence(Record):
    """``section``, ``sentence``, ``text``, ``score``, ``start``, ``end``, ``matches``."""
    _children = {"matches": Match}


class Support(Record):
    """``en`` (Summary sentence index), ``supported``, ``text``, ``evidence`` (best first)."""
    _children = {"evidence": Evidence}


class Finding(Record):
    """``kind``, ``lang``, ``text``, ``word``, ``message``, ``suggestion``, ``start``, ``end``.

    From :meth:`Aligner.check` also ``file`` and ``article``, as ``summalign check`` prints them.
    """


class Alignment(Record):
    """``title`` (TitlePair or None), ``resume_summary`` (beads), ``support``, ``findings``."""
    _children = {"title": TitlePair, "resume_summary": Bead, "support": Support, "findings": Finding}


class Repair(Record):
    """A layout repair: ``kind``, ``start``, ``end``, ``detail``."""


class MinedPair(Record):
    """``da_index``, ``en_index`` (None when there are no English lines), ``score``."""


class Article(Record):
    """One article: the keys of a ``summalign align --format jsonl`` line (``source`` first)."""

    __slots__ = ("_line",)
    _children = {
        "resume": Sentence, "sections": Section, "figures": Figure, "summary": Summary,
        "correspondence": Sentence, "references": Sentence, "end_notes": EndNote, "alignment": Alignment,
    }

    def __init__(self, line: str) -> None:
        super().__init__(json.loads(line))
        self._line = line

    def to_json(self) -> str:
        """The article's line of ``summalign align --format jsonl`` (without the newline)."""
        return self._line

    def __getstate__(self) -> Dict[str, Any]:
        return {"_data": self._data, "_line": self._line}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self._data = state["_data"]
        self._line = state["_line"]


class Document:
    """An aligned document: ``source``, ``articles``, ``repairs``, as in the JSON output."""

    __slots__ = ("_native", "_articles", "_repairs")

    def __init__(self, native: "_summalign.AlignedResult") -> None:
        self._native = native
        self._articles: Optional[List[Article]] = None
        self._repairs: Optional[List[Repair]] = None

    @property
    def source(self) -> str:
        """The input's name: the path as given, or the ``name`` given with text."""
        return self._native.source

    @property
    def articles(self) -> List[Article]:
        """The articles in input order (made on first use)."""
        if self._articles is None:
            self._articles = [Article(line) for line in self._native.article_lines()]
        return self._articles

    @property
    def repairs(self) -> List[Repair]:
        """Every layout repair, in source order."""
        if self._repairs is None:
            self._repairs = [Repair(r) for r in json.loads(self._native.repairs_json())["repairs"]]
        return self._repairs

    def __len__(self) -> int:
        return len(self._native)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def to_json(self, pretty: bool = True, include_repairs: bool = True) -> str:
        """The document as ``summalign align FILE`` prints it (the library's JSON export)."""
        return self._native.write("json", pretty, include_repairs, "da-DK", "en-GB")

    def to_jsonl(self) -> str:
        """The lines ``summalign align --format jsonl FILE`` prints (one per article, each ending in a newline)."""
        return self._native.write("jsonl", False, True, "da-DK", "en-GB")

    def export(self, format: str, da_language: str = "da-DK", en_language: str = "en-GB") -> str:
        """The document in any of the command's formats: json, jsonl, tsv, tmx or html (docs/formats.md)."""
        return self._native.write(format, True, True, da_language, en_language)

    def findings(self) -> List[Finding]:
        """Every finding, in article order, with the keys ``summalign check`` prints."""
        keys = ("article", "kind", "lang", "text", "word", "message", "suggestion", "start", "end")
        source = self.source
        return [Finding({"file": source, **dict(zip(keys, row))}) for row in self._native.findings()]

    def __repr__(self) -> str:
        return f"Document(source={self.source!r}, articles={len(self)})"


Source = Union[str, bytes, "os.PathLike[str]"]


def _encode(text: str, name: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate: not representable in UTF-8
        offset = len(text[: error.start].encode("utf-8", "surrogatepass"))
        raise Error(f"{name}: byte {offset}: not valid UTF-8 (a lone surrogate)", name, offset) from None


class Aligner(_summalign.NativeAligner):
    """Parser, lexicon, scorer and spelling checker, built once; const and shared between threads.

    Lexicon options as in the command: ``use_freedict``, ``use_glossary``, ``use_learned``,
    ``user_dictionaries`` (paths: ``.dict`` hunalign files or ``danish<TAB>english`` TSV),
    ``freedict_dir``, ``glossary_file``, ``learned_file`` (None: the defaults); a default source
    asked for and not found is skipped with a ``UserWarning`` naming it, as the command warns on
    standard error (the scores are weaker without it). ``threads``: how
    many threads will align at once (the spelling checker keeps that many Danish
    dictionaries; results never depend on it). ``lang``: ``"da"`` or ``"en"``, the language of
    the findings' messages, of :class:`Error` texts and of the HTML report's labels, as the
    command's ``--lang``; None (the default) takes it from ``LC_ALL``, ``LC_MESSAGES`` or
    ``LANG`` as the command does. :attr:`lang` says which one is used.
    """

    def __init__(
        self,
        *,
        use_freedict: bool = True,
        use_glossary: bool = True,
        use_learned: bool = True,
        user_dictionaries: Sequence[Union[str, "os.PathLike[str]"]] = (),
        freedict_dir: Optional[Union[str, "os.PathLike[str]"]] = None,
        glossary_file: Optional[Union[str, "os.PathLike[str]"]] = None,
        learned_file: Optional[Union[str, "os.PathLike[str]"]] = None,
        threads: int = 1,
        lang: Optional[str] = None,
    ) -> None:
        if lang is not None and lang not in ("da", "en"):
            raise ValueError(f"lang must be 'da' or 'en' (or None: from the environment), not {lang!r}")
        super().__init__(use_freedict, use_glossary, use_learned, [os.fspath(p) for p in user_dictionaries],
                         None if freedict_dir is None else os.fspath(freedict_dir),
                         None if glossary_file is None else os.fspath(glossary_file),
                         None if learned_file is None else os.fspath(learned_file), max(1, threads),
                         "" if lang is None else lang)

    def align(self, source: Source, *, name: Optional[str] = None, threads: int = 1) -> Document:
        """Parses, aligns and checks journal text; returns the :class:`Document`.

        ``source``: an ``os.PathLike`` (``pathlib.Path``) is a file read as the command reads
        it, journal text or a PDF (recognised by its ``%PDF-`` header; sentences then carry
        their ``page``), named in the output by the path as given; a ``str`` is the text itself and
        ``bytes`` its UTF-8 encoding (named ``name``, default ``"<text>"``). Use
        :meth:`align_file` for a path held in a ``str``; a one-line ``str`` that names an
        existing file raises ``ValueError`` rather than being aligned as text. ``threads``: articles aligned in
        parallel for this call (the result does not depend on it). Raises :class:`Error` for
        unreadable or invalid input.
        """
        if isinstance(source, os.PathLike):
            return self.align_file(source, threads=threads)
        label = "<text>" if name is None else name
        if isinstance(source, str):
            # A one-line str naming an existing file is almost certainly a path meant as one:
            # aligning the name as text would silently give an empty document.
            if "\n" not in source and len(source) < 4096 and os.path.isfile(source):
                raise ValueError(f"align() takes a str as the text itself; {source!r} names a file: "
                                 "pass pathlib.Path(...) or call align_file()")
            data = _encode(source, label)
        elif isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
        else:
            raise TypeError(f"align() takes text (str or bytes) or a path (os.PathLike), not {type(source).__name__}")
        return Document(self.align_bytes(data, label, max(1, threads)))

    def align_file(self, path: Union[str, "os.PathLike[str]"], *, threads: int = 1) -> Document:
        """Reads ``path`` (``"-"``: standard input; text or a PDF) as the command does and aligns it."""
        return Document(super().align_file(os.fspath(path), max(1, threads)))

    def stream_file(self, path: Union[str, "os.PathLike[str]"], on_article: Callable[[Article], None], *,
                    threads: int = 1) -> int:
        """Aligns the journal text file ``path``, of any size, in bounded memory, article by article.

        The file is read in windows (2 MiB) as ``summalign align`` reads a large file;
        ``on_article`` is called with each :class:`Article` in order as soon as it is aligned,
        its offsets and ``index`` those of the whole file. Returns the number of articles. A PDF
        is refused (:meth:`align_file` reads it whole). Raises :class:`Error` for unreadable or
        invalid input (articles before the bad byte have been handed over), and what
        ``on_article`` raises.
        """
        return super().stream_file(os.fspath(path), max(1, threads), lambda line: on_article(Article(line)))

    def check(self, source: Source, *, name: Optional[str] = None, threads: int = 1) -> List[Finding]:
        """The findings of :meth:`align`, each with ``file`` and ``article`` as ``summalign check`` prints them."""
        return self.align(source, name=name, threads=threads).findings()

    def align_texts(
        self,
        da_lines: Sequence[str],
        en_lines: Sequence[str],
        *,
        omission_prior: float = 0.0,
        merge_prior: float = 0.0,
        two_two_prior: float = 0.0,
        band: int = 0,
        shared_word_penalty: Optional[float] = None,
        uncovered_part_penalty: Optional[float] = None,
    ) -> List[Bead]:
        """Aligns two lists of segments (sentences or lines) as ``summalign align-text`` does.

        Returns the beads in order, covering every segment once: ``da``/``en`` are indices
        into the lists (one side empty for an omission), ``score`` the probability that the
        sides translate each other, ``da_text``/``en_text`` the bead's segments joined by
        spaces, ``matches`` the word pairs behind the score. 0 / None options are the
        defaults (docs/scoring.md).
        """
        da, en = list(da_lines), list(en_lines)
        rows = super().align_texts(da, en, omission_prior, merge_prior, two_two_prior, band,
                                   shared_word_penalty, uncovered_part_penalty)
        return [
            Bead({
                "da": list(d), "en": list(e), "score": score,
                "da_text": " ".join(da[i] for i in d), "en_text": " ".join(en[i] for i in e),
                "matches": [{"da": m[0], "en": m[1], "kind": m[2], "weight": m[3]} for m in matches],
            })
            for d, e, score, matches in rows
        ]

    def mine(
        self,
        da_lines: Sequence[str],
        en_lines: Sequence[str],
        *,
        threads: int = 1,
        candidates: int = 40,
        corpus_weights: bool = True,
        margin: bool = True,
        full_scores: int = 0,
        vote_budget: int = 20000,
        one_to_one: bool = True,
    ) -> List[MinedPair]:
        """For each Danish line the English line most likely its translation (``summalign mine``).

        ``full_scores``: score in full only that many of the ``candidates`` (the best by an
        estimate; 0 = all); ``vote_budget``: how many English lines a Danish line's words may
        vote for. Both trade precision for speed (``--full-scores``, ``--vote-budget``).
        ``one_to_one``: an English line goes to one Danish text, the pairs taken best first;
        ``False`` lets several Danish lines pick the same English line (``--many-to-one``).
        """
        rows = super().mine(
            list(da_lines),
            list(en_lines),
            max(1, threads),
            candidates,
            corpus_weights,
            margin,
            max(0, full_scores),
            max(0, vote_budget),
            one_to_one,
        )
        return [MinedPair({"da_index": d, "en_index": e, "score": s}) for d, e, s in rows]

    def segment(self, text: str, lang: str, *, line_breaks: str = "auto") -> List[Sentence]:
        """Sentences of ``text`` with the Aligner's segmenters (see :func:`segment`)."""
        data = _encode(text, "<text>")
        return _sentences(data, super().segment(data, lang, line_breaks))


def _sentences(data: bytes, spans: List[Any]) -> List[Sentence]:
    return [Sentence({"text": data[b:e].decode("utf-8"), "start": b, "end": e}) for b, e in spans]


def segment(text: str, lang: str, *, line_breaks: str = "auto") -> List[Sentence]:
    """Splits Danish (``lang="da"``) or English (``"en"``) text into sentences.

    Each :class:`Sentence` has ``text`` (exactly the source slice, trimmed) and ``start``/``end``,
    byte offsets into ``text.encode("utf-8")`` like every offset of summalign.
    ``line_breaks``: ``"auto"`` (default), ``"sentence"`` (every line break ends one) or
    ``"space"``. Builds a segmenter per call; :meth:`Aligner.segment` reuses the Aligner's.
    """
    data = _encode(text, "<text>")
    return _sentences(data, _summalign.segment(data, lang, line_breaks))

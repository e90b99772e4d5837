# Type stubs of the summalign package: the records carry the keys of the JSON output
# (docs/schema.md) as typed attributes.
import os
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Union

from . import _summalign

Source = Union[str, bytes, os.PathLike[str]]
_Path = Union[str, os.PathLike[str]]

class Error(Exception):
    file: str
    offset: Optional[int]
    def __init__(self, message: str, file: str = ..., offset: Optional[int] = ...) -> None: ...

class Record:
    def __init__(self, data: Dict[str, Any]) -> None: ...
    def __getattr__(self, key: str) -> Any: ...
    def __getitem__(self, key: str) -> Any: ...
    def __contains__(self, key: object) -> bool: ...
    def keys(self) -> List[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...

class Sentence(Record):
    text: str
    start: int
    end: int

class Section(Record):
    heading: Optional[str]
    heading_start: Optional[int]
    heading_end: Optional[int]
    sentences: List[Sentence]

class Figure(Record):
    label: str
    caption: str
    caption_start: int
    caption_end: int

class EndNote(Record):
    label: str
    text: str
    start: int
    end: int

class Citation(Record):
    journal: str
    year: int
    volume: int
    pages: str
    text: str

class Summary(Record):
    authors: List[str]
    title: Optional[str]
    title_start: Optional[int]
    title_end: Optional[int]
    citation: Optional[Citation]
    sentences: List[Sentence]
    start: int
    end: int

class Match(Record):
    da: str
    en: str
    kind: str
    weight: float

class TitlePair(Record):
    da: str
    en: str
    score: float
    matches: List[Match]

class Bead(Record):
    da: List[int]
    en: List[int]
    score: float
    da_text: str
    en_text: str
    matches: List[Match]

class Evidence(Record):
    section: int
    sentence: int
    text: str
    score: float
    start: Optional[int]
    end: Optional[int]
    matches: List[Match]

class Support(Record):
    en: int
    supported: bool
    text: Optional[str]
    evidence: List[Evidence]

class Finding(Record):
    kind: str
    lang: str
    text: str
    word: str
    message: str
    suggestion: str
    start: int
    end: int
    # Only in the findings of Aligner.check / Document.findings:
    file: str
    article: int

class Alignment(Record):
    title: Optional[TitlePair]
    resume_summary: List[Bead]
    support: List[Support]
    findings: List[Finding]

class Repair(Record):
    kind: str
    start: int
    end: int
    detail: str

class MinedPair(Record):
    da_index: int
    en_index: Optional[int]
    score: float

class Article(Record):
    source: str
    index: int
    title: Optional[str]
    title_start: Optional[int]
    title_end: Optional[int]
    subtitle: Optional[str]
    subtitle_start: Optional[int]
    subtitle_end: Optional[int]
    kind: Optional[str]
    authors: List[str]
    start: int
    end: int
    truncated_start: bool
    truncated_end: bool
    resume: List[Sentence]
    sections: List[Section]
    figures: List[Figure]
    summary: Optional[Summary]
    correspondence: Optional[Sentence]
    references: List[Sentence]
    end_notes: List[EndNote]
    alignment: Alignment
    def __init__(self, line: str) -> None: ...
    def to_json(self) -> str: ...

class Document:
    def __init__(self, native: _summalign.AlignedResult) -> None: ...
    @property
    def source(self) -> str: ...
    @property
    def articles(self) -> List[Article]: ...
    @property
    def repairs(self) -> List[Repair]: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Article]: ...
    def to_json(self, pretty: bool = ..., include_repairs: bool = ...) -> str: ...
    def to_jsonl(self) -> str: ...
    def export(self, format: str, da_language: str = ..., en_language: str = ...) -> str: ...
    def findings(self) -> List[Finding]: ...

class Aligner:
    def __init__(self, *, use_freedict: bool = ..., use_glossary: bool = ..., use_learned: bool = ...,
                 user_dictionaries: Sequence[_Path] = ..., freedict_dir: Optional[_Path] = ...,
                 glossary_file: Optional[_Path] = ..., learned_file: Optional[_Path] = ...,
                 threads: int = ..., lang: Optional[str] = ...) -> None: ...
    @property
    def lang(self) -> str: ...
    def align(self, source: Source, *, name: Optional[str] = ..., threads: int = ...) -> Document: ...
    def align_file(self, path: _Path, *, threads: int = ...) -> Document: ...
    def stream_file(self, path: _Path, on_article: Callable[[Article], None], *, threads: int = ...) -> int: ...
    def check(self, source: Source, *, name: Optional[str] = ..., threads: int = ...) -> List[Finding]: ...
    def align_texts(self, da_lines: Sequence[str], en_lines: Sequence[str], *, omission_prior: float = ...,
                    merge_prior: float = ..., two_two_prior: float = ..., band: int = ...,
                    shared_word_penalty: Optional[float] = ...,
                    uncovered_part_penalty: Optional[float] = ...) -> List[Bead]: ...
    def mine(self, da_lines: Sequence[str], en_lines: Sequence[str], *, threads: int = ..., candidates: int = ...,
             corpus_weights: bool = ..., margin: bool = ...) -> List[MinedPair]: ...
    def segment(self, text: str, lang: str, *, line_breaks: str = ...) -> List[Sentence]: ...

def segment(text: str, lang: str, *, line_breaks: str = ...) -> List[Sentence]: ...

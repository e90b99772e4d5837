"""The Python module gives what the command gives, from the same library."""

import concurrent.futures
import json
import os
import pathlib
import pickle
import subprocess

import pytest

import summalign
from conftest import SEED, run_cli


def test_seed_json_equals_the_command(aligner):
    document = aligner.align(SEED)
    assert document.source == str(SEED)
    assert document.to_json() == run_cli("align", SEED)
    assert document.to_jsonl() == run_cli("align", "--format", "jsonl", SEED)
    # Each article's to_json() is its JSONL line.
    assert "".join(a.to_json() + "\n" for a in document.articles) == document.to_jsonl()


def test_text_input_equals_the_command_on_standard_input(aligner, seed_text):
    document = aligner.align(seed_text, name="-")
    assert document.to_json() == run_cli("align", "-", stdin=seed_text.encode("utf-8"))
    # bytes are the same text
    assert aligner.align(seed_text.encode("utf-8"), name="-").to_json() == document.to_json()


def test_other_formats_equal_the_command(aligner):
    document = aligner.align_file(str(SEED))
    for fmt in ("tsv", "tmx", "html"):
        assert document.export(fmt) == run_cli("align", "--format", fmt, SEED), fmt


def test_attributes_are_the_json_keys(aligner):
    document = aligner.align(SEED)
    parsed = json.loads(run_cli("align", SEED))
    assert len(document) == len(parsed["articles"]) > 0
    assert [r.to_dict() for r in document.repairs] == parsed["repairs"]
    for article, expected in zip(document.articles, parsed["articles"]):
        data = article.to_dict()
        assert list(data)[0] == "source" and data["source"] == str(SEED)
        assert {k: v for k, v in data.items() if k != "source"} == expected
        # Attribute access walks the same values, as record objects.
        assert article.title == expected["title"]
        assert [s.text for s in article.resume] == [s["text"] for s in expected["resume"]]
        assert [[s.start for s in sec.sentences] for sec in article.sections] == \
            [[s["start"] for s in sec["sentences"]] for sec in expected["sections"]]
        alignment = article.alignment
        assert isinstance(alignment, summalign.Alignment)
        assert [(b.da, b.en, b.score) for b in alignment.resume_summary] == \
            [(b["da"], b["en"], b["score"]) for b in expected["alignment"]["resume_summary"]]
        assert [[e.text for e in s.evidence] for s in alignment.support] == \
            [[e["text"] for e in s["evidence"]] for s in expected["alignment"]["support"]]
        assert [f.to_dict() for f in alignment.findings] == expected["alignment"]["findings"]
        if expected["summary"] is not None:
            assert article.summary.citation == (None if expected["summary"]["citation"] is None
                                                else summalign.Citation(expected["summary"]["citation"]))
    with pytest.raises(AttributeError):
        document.articles[0].no_such_key


def test_check_equals_the_command(aligner):
    findings = aligner.check(SEED)
    expected = json.loads(run_cli("check", SEED))
    assert len(expected) > 0
    assert [f.to_dict() for f in findings] == expected
    assert {f.kind for f in findings} >= {"misspelling"}


def _bead_line(bead):
    return "{}\t{}\t{:.4f}".format(",".join(map(str, bead.da)), ",".join(map(str, bead.en)), bead.score)


def test_align_texts_equals_align_text(aligner, tmp_path):
    danish = ["Hunden sover.", "Katten spiser. Den er sulten.", "Mesenkymale stamceller findes i knoglemarven.",
              "Dette har ingen oversættelse her."]
    english = ["The dog sleeps.", "The cat eats.", "It is hungry.", "Mesenchymal stem cells are present in the bone marrow."]
    (tmp_path / "da.txt").write_text("\n".join(danish) + "\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(english) + "\n", encoding="utf-8")
    beads = aligner.align_texts(danish, english)
    expected = run_cli("align-text", tmp_path / "da.txt", tmp_path / "en.txt").splitlines()
    assert [_bead_line(b) for b in beads] == expected
    covered_da = [i for b in beads for i in b.da]
    assert covered_da == list(range(len(danish)))
    merged = [b for b in beads if b.da == [1]]
    assert merged and merged[0].en_text == "The cat eats. It is hungry."
    assert all(isinstance(m, summalign.Match) and m.kind for b in beads for m in b.matches)


def test_mine_equals_the_command(aligner, tmp_path):
    danish = ["Hunden sover.", "Jeg drikker kaffe.", "Stamceller fra knoglemarven."]
    english = ["I drink coffee.", "Stem cells from the bone marrow.", "The dog sleeps."]
    (tmp_path / "da.txt").write_text("\n".join(danish) + "\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(english) + "\n", encoding="utf-8")
    mined = aligner.mine(danish, english)
    expected = run_cli("mine", tmp_path / "da.txt", tmp_path / "en.txt").splitlines()
    assert ["{}\t{}\t{:.4f}".format(p.da_index, p.en_index, p.score) for p in mined] == expected
    assert aligner.mine(danish, [])[0].en_index is None
    pruned = aligner.mine(danish, english, full_scores=1, vote_budget=2)
    expected = run_cli("mine", "--full-scores", "1", "--vote-budget", "2", tmp_path / "da.txt", tmp_path / "en.txt").splitlines()
    assert ["{}\t{}\t{:.4f}".format(p.da_index, p.en_index, p.score) for p in pruned] == expected
    shared = aligner.mine(danish, english, one_to_one=False)
    expected = run_cli("mine", "--many-to-one", tmp_path / "da.txt", tmp_path / "en.txt").splitlines()
    assert ["{}\t{}\t{:.4f}".format(p.da_index, p.en_index, p.score) for p in shared] == expected


def test_segment_equals_the_command(aligner, tmp_path):
    text = "Stamceller, f.eks. fra knoglemarv, blev brugt [13]. Se Fig. 1. Prøven var på 3. maj klar.\nNy linje her."
    (tmp_path / "da.txt").write_text(text, encoding="utf-8")
    expected = [line.split("\t") for line in run_cli("segment", "--lang", "da", "--offsets", tmp_path / "da.txt").splitlines()]
    for sentences in (summalign.segment(text, "da"), aligner.segment(text, "da")):
        assert [(str(s.start), str(s.end)) for s in sentences] == [(e[0], e[1]) for e in expected]
        data = text.encode("utf-8")
        assert all(s.text == data[s.start:s.end].decode("utf-8") for s in sentences)
    assert len(summalign.segment("One line\nTwo line", "en", line_breaks="sentence")) == 2
    with pytest.raises(ValueError):
        summalign.segment(text, "sv")


def test_errors_name_the_file_and_offset(aligner, tmp_path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(summalign.Error) as caught:
        aligner.align(missing)
    assert caught.value.file == str(missing) and caught.value.offset is None
    assert str(missing) in str(caught.value)

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Resum\xc3\xa9 ok\nthen \xff here\n")
    with pytest.raises(summalign.Error) as caught:
        aligner.align_file(bad)
    assert (caught.value.file, caught.value.offset) == (str(bad), 16)
    assert str(caught.value).startswith(f"{bad}: byte 16: ")

    with pytest.raises(summalign.Error) as caught:
        aligner.align("abc\x00def", name="memo")
    assert (caught.value.file, caught.value.offset) == ("memo", 3)
    with pytest.raises(summalign.Error) as caught:
        aligner.align(b"ab\xe2\x82", name="cut")
    assert (caught.value.file, caught.value.offset) == ("cut", 2)
    with pytest.raises(summalign.Error) as caught:
        aligner.check(tmp_path)  # a directory
    assert caught.value.file == str(tmp_path)
    with pytest.raises(summalign.Error):
        summalign.Aligner(user_dictionaries=[tmp_path / "no-such.dict"])
    with pytest.raises(TypeError):
        aligner.align(42)
    with pytest.raises(ValueError):
        aligner.align(str(SEED))  # a path in a str: pathlib.Path or align_file

    copy = pickle.loads(pickle.dumps(caught.value))
    assert (type(copy), copy.file, copy.offset, str(copy)) == (summalign.Error, caught.value.file, None, str(caught.value))
    assert issubclass(summalign.Error, Exception)


def test_two_threads_give_the_results_of_one(aligner, seed_text):
    lines = seed_text.splitlines(keepends=True)
    half = len(lines) // 2
    inputs = [seed_text, "".join(lines[:half]), "".join(lines[half:]), seed_text + seed_text, seed_text.replace("stamceller", "celler")]
    sequential = [aligner.align(text, name=f"input-{i}").to_json() for i, text in enumerate(inputs)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for _ in range(2):
            parallel = list(pool.map(lambda item: aligner.align(item[1], name=f"input-{item[0]}").to_json(), enumerate(inputs)))
            assert parallel == sequential
    # and with several threads inside one call
    assert aligner.align(inputs[3], name="input-3", threads=2).to_json() == sequential[3]


def test_records_copy_and_pickle(aligner):
    import copy
    bead = aligner.align_texts(["Hunden sover."], ["The dog sleeps."])[0]
    for other in (copy.copy(bead), copy.deepcopy(bead), pickle.loads(pickle.dumps(bead))):
        assert other == bead and other.da == [0] and other.en_text == "The dog sleeps."
    article = aligner.align(SEED).articles[0]
    copied = pickle.loads(pickle.dumps(article))
    assert copied == article and copied.to_json() == article.to_json()


GIL_PROBE = r"""
import os, pathlib, sys, threading, summalign
fifo, seed = sys.argv[1], sys.argv[2]
aligner = summalign.Aligner()
result = {}
reader = threading.Thread(target=lambda: result.setdefault("doc", aligner.align(pathlib.Path(fifo))))
reader.start()
# The reader thread is inside the library, blocked opening or reading the FIFO. Only if the
# library released the GIL can this thread run and write what the reader waits for.
with open(fifo, "w", encoding="utf-8") as writer:
    writer.write(pathlib.Path(seed).read_text(encoding="utf-8"))
reader.join()
text = pathlib.Path(seed).read_text(encoding="utf-8")
print(result["doc"].to_json() == aligner.align(text, name=fifo).to_json())
"""


def test_the_gil_is_released_while_the_library_works(tmp_path):
    """A thread blocked in the library (reading a FIFO) must let another Python thread run:
    with the GIL held this deadlocks, which the timeout turns into a failure."""
    import os
    import subprocess
    import sys
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-c", GIL_PROBE, str(fifo), str(SEED)], capture_output=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().strip() == "True"


ARTICLE_MS = """.nr PS 9
.nr VS 11
.2C
.LP
.B "Stamceller i klinikken"
.LP
.B "OVERSIGTSARTIKEL"
Anna Hansen & Peter Jensen
.SH
Resumé
.LP
Stamceller kan isoleres fra knoglemarven. De kan anvendes til behandling af knogledefekter.
.SH
Isolation af stamceller
.LP
Stamceller isoleres fra knoglemarven ved hjælp af fysiske metoder.
Cellerne kan anvendes til behandling af store knogledefekter hos mennesker.
.SH
Summary
.LP
Anna Hansen & Peter Jensen: Stem cells in the clinic. Ugeskr Læger 2003;165: 4850-4852.
Stem cells can be isolated from the bone marrow. They can be used to treat bone defects.
"""


def test_a_pdf_gives_what_the_command_gives(aligner, tmp_path):
    """A PDF path is read through its text layer, as the command reads it, pages included."""
    pdf = tmp_path / "article.pdf"
    typeset = subprocess.run(["groff", "-k", "-ms", "-Tpdf"], input=ARTICLE_MS.encode("utf-8"),
                             capture_output=True, check=True)
    pdf.write_bytes(typeset.stdout)
    document = aligner.align(pdf)
    assert document.to_json() == run_cli("align", pdf)
    sentences = [s for article in document.articles for s in article.resume]
    assert sentences and all(s.page == 1 for s in sentences)


def test_lang_gives_the_command_s_language(tmp_path):
    """``lang`` is the command's ``--lang``: findings, errors and HTML labels in Danish or English."""
    danish, english = summalign.Aligner(lang="da"), summalign.Aligner(lang="en")
    assert (danish.lang, english.lang) == ("da", "en")
    da_findings, en_findings = danish.check(SEED), english.check(SEED)
    assert [f.to_dict() for f in da_findings] == json.loads(run_cli("check", "--lang", "da", SEED))
    assert [f.to_dict() for f in en_findings] == json.loads(run_cli("check", "--lang", "en", SEED))
    # Only the messages differ.
    assert [(f.kind, f.start, f.end) for f in da_findings] == [(f.kind, f.start, f.end) for f in en_findings]
    assert [f.message for f in da_findings] != [f.message for f in en_findings]
    da_html, en_html = danish.align(SEED).export("html"), english.align(SEED).export("html")
    assert da_html == run_cli("align", "--lang", "da", "--format", "html", SEED)
    assert en_html == run_cli("align", "--lang", "en", "--format", "html", SEED)
    assert da_html != en_html
    # The JSON keys and kinds are the same in both languages.
    assert json.loads(danish.align(SEED).to_json()).keys() == json.loads(english.align(SEED).to_json()).keys()

    # An error reads as the command prints it.
    missing = tmp_path / "missing.txt"
    for aligner, lang in ((danish, "da"), (english, "en")):
        with pytest.raises(summalign.Error) as caught:
            aligner.align(missing)
        done = subprocess.run([os.environ["SUMMALIGN_CLI"], "check", "--lang", lang, str(missing)], capture_output=True)
        assert done.returncode == 1
        assert done.stderr.decode("utf-8") == f"summalign: {caught.value}\n"
        assert caught.value.file == str(missing)
    with pytest.raises(ValueError):
        summalign.Aligner(lang="fr")


def test_stream_file_hands_over_the_articles_the_command_streams(aligner, tmp_path):
    # Three copies of the seed: one stream of articles, in order, each as the command's
    # JSONL line for the same file (offsets and indices of the whole file).
    text = SEED.read_bytes()
    path = tmp_path / "three.txt"
    path.write_bytes((text + b"\n") * 3)
    seen = []
    count = aligner.stream_file(path, seen.append, threads=2)
    assert count == len(seen) > 3
    assert [a.index for a in seen] == list(range(count))
    assert "".join(a.to_json() + "\n" for a in seen) == run_cli("align", "--format", "jsonl", path)


def test_stream_file_reports_a_bad_byte_and_what_the_callback_raises(aligner, tmp_path):
    text = (SEED.read_bytes() + b"\n") * 2
    bad_at = len(text) - 50
    bad = tmp_path / "bad.txt"
    bad.write_bytes(text[:bad_at] + b"\xff" + text[bad_at + 1:])
    with pytest.raises(summalign.Error) as caught:
        aligner.stream_file(bad, lambda article: None)
    assert (caught.value.file, caught.value.offset) == (str(bad), bad_at)

    def stop(article):
        raise KeyError("enough")

    with pytest.raises(KeyError):
        aligner.stream_file(SEED, stop)


def test_a_missing_default_lexicon_source_is_a_warning(tmp_path):
    # An empty folder for FreeDict: the aligner is made without it, and says so.
    with pytest.warns(UserWarning, match="no freedict lexicon") as caught:
        summalign.Aligner(freedict_dir=tmp_path)
    assert any(str(tmp_path / "freedict-dan-eng.index") in str(w.message) for w in caught)
    # Not asked for: nothing to say.
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        summalign.Aligner(freedict_dir=tmp_path, use_freedict=False)
